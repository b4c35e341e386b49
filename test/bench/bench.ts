/**
 * Benchmark against curl and aria2c on loopback, with the emulator in a child process and our engine in
 * another (test/bench/engine-runner.ts), so each side's time, CPU and memory are its own.
 * Run: npm run bench [-- --only 1,1-https,2 --runs 3 --profile]. Writes bench-results.json in the working folder.
 */
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { apiCall, jsonOf } from '../emulator/raw-http'
import { syntheticStream } from '../emulator/synthetic'
import type { QueueScaleRow, TransfersConfig, TransfersResult } from './engine-runner'
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process'
import { summarizeProfile } from './profile-summary'
import { spawnRunner } from './runner-process'
import { makeTestCa } from './test-ca'

const KEY = 'BenchKeyBenchKeyBenchKeyBenchK01'
const MIB = 1024 ** 2
const GIB = 1024 ** 3

export interface BenchRow {
  scenario: string
  ours: number
  reference: number
  ratio: number
  unit: string
  target: string
  met: boolean
  note?: string
}

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results.json' },
  },
  strict: true,
})
const RUNS = Math.max(1, Number(args.runs))
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim().toLowerCase())) : null
/** `--only` takes scenario numbers and names: 1 (with 6 and 8), 1-https (6-https), 2, 3, 4, 5, 7. */
const wanted = (...ids: string[]): boolean => !only || ids.some((id) => only.has(id))
const SCENARIO_IDS = ['1', '6', '8', '1-https', '6-https', '2', '3', '4', '5', '7']
for (const id of only ?? []) {
  if (!SCENARIO_IDS.includes(id)) {
    console.error(`--only: unknown scenario "${id}" (known: ${SCENARIO_IDS.join(', ')})`)
    process.exit(2)
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
const now = (): number => Number(process.hrtime.bigint()) / 1e6
const round = (value: number, digits = 3): number => Number(value.toFixed(digits))

/**
 * Runs our side and the reference side of one comparison, ours first on even runs and the reference
 * first on odd ones: whoever runs second finds the page cache and the memory the first one freed,
 * so a fixed order would favour one side.
 */
async function inTurn<A, B>(
  run: number,
  ours: () => Promise<A>,
  reference: () => Promise<B>,
): Promise<[A, B]> {
  if (run % 2 === 0) {
    const a = await ours()
    return [a, await reference()]
  }
  const b = await reference()
  return [await ours(), b]
}

/** Runs every side of a comparison once, run `run` starting with side `run mod n`, for the same reason. */
async function inRotation(run: number, sides: Array<() => Promise<void>>): Promise<void> {
  for (let k = 0; k < sides.length; k++) await (sides[(run + k) % sides.length] as () => Promise<void>)()
}

interface Timed {
  ms: number
  cpuMs: number
}

/** Runs a command under bash's `time`, so the child's own CPU (user + system) comes back with the wall time. */
function timedCommand(command: string, commandArgs: string[]): Promise<Timed> {
  const quoted = commandArgs.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ')
  const script = `TIMEFORMAT='BENCH_TIME %U %S'; time ${command} ${quoted} >/dev/null 2>/tmp/bench-cmd-$$.err || { cat /tmp/bench-cmd-$$.err >&2; rm -f /tmp/bench-cmd-$$.err; exit 1; }; rm -f /tmp/bench-cmd-$$.err`
  return new Promise((resolve, reject) => {
    const began = now()
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = now() - began
      const match = /BENCH_TIME ([\d.]+) ([\d.]+)/.exec(err)
      if (code !== 0 || !match) reject(new Error(`${command} failed (${code}): ${err.slice(-500)}`))
      else resolve({ ms, cpuMs: (Number(match[1]) + Number(match[2])) * 1000 })
    })
  })
}

async function tokenUrl(em: EmulatorProcess, link: string): Promise<string> {
  const extra = em.ca ? { ca: em.ca } : {}
  return jsonOf(await apiCall(em.apiUrl, 'download/get_token.cgi', { url: link }, KEY, extra)).url as string
}

async function createSynthetic(
  em: EmulatorProcess,
  name: string,
  size: number,
  seed: number,
): Promise<string> {
  const file = await em.control<{ url: string }>('createFile', { key: KEY, name, synthetic: { size, seed } })
  return file.url
}

class Bench {
  readonly rows: BenchRow[] = []
  readonly profiles: string[] = []
  constructor(
    readonly em: EmulatorProcess,
    readonly work: string,
  ) {}

  async ours(
    name: string,
    config: Omit<TransfersConfig, 'mode' | 'apiUrl' | 'key' | 'dataDir' | 'downloadsDir'>,
    options: { profile?: boolean; em?: EmulatorProcess; env?: NodeJS.ProcessEnv } = {},
  ): Promise<TransfersResult> {
    const profile = options.profile ?? false
    const dataDir = join(this.work, `engine-${name}`)
    const downloadsDir = join(this.work, 'downloads')
    await rm(dataDir, { recursive: true, force: true })
    await rm(downloadsDir, { recursive: true, force: true })
    await mkdir(downloadsDir, { recursive: true })
    const profDir = join(this.work, 'profiles')
    const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []
    const runner = spawnRunner<TransfersResult>(
      {
        mode: 'transfers',
        apiUrl: (options.em ?? this.em).apiUrl,
        key: KEY,
        dataDir,
        downloadsDir,
        settleMs: 1100,
        ...config,
      },
      nodeArgs,
      { ...process.env, ...options.env },
    )
    // This process idles while the runner works: its own event-loop delay meanwhile is what the
    // machine alone imposes on a thread with nothing to do (the floor for the contract thread's).
    const idle = monitorEventLoopDelay({ resolution: 10 })
    void runner.added.then(() => idle.enable())
    const result = await runner.result
    idle.disable()
    result.idleEventLoopP99Ms = idle.count > 0 ? idle.percentile(99) / 1e6 : Number.NaN
    if (result.failures.length > 0) throw new Error(`${name}: ${JSON.stringify(result.failures.slice(0, 3))}`)
    if (profile) {
      // The main thread's profile (thread id 0), not the module loader's worker.
      const latest = (await readdir(profDir))
        .filter((f) => /\.0\.\d+\.cpuprofile$/.test(f))
        .sort()
        .pop()
      if (latest) {
        const summary = summarizeProfile(JSON.parse(await readFile(join(profDir, latest), 'utf8')), 12)
        this.profiles.push(`profile of our engine, ${name}:\n${summary}`)
        console.log(`  profile (${name}):\n${summary}`)
      }
      await rm(profDir, { recursive: true, force: true })
    }
    await rm(downloadsDir, { recursive: true, force: true })
    await rm(dataDir, { recursive: true, force: true })
    return result
  }

  add(row: BenchRow): void {
    this.rows.push(row)
    const flag = row.met ? 'met' : 'NOT MET'
    console.log(
      `  → ${row.scenario}: ours ${row.ours} / ref ${row.reference} ${row.unit} = ${row.ratio} (target ${row.target}) ${flag}${row.note ? ` — ${row.note}` : ''}`,
    )
  }
}

interface OneConnectionRuns {
  size: number
  ours: TransfersResult[]
  /** Ours with the core in a worker thread, driven over the contract as the app does (HTTP only). */
  worker: TransfersResult[]
  curl: Timed[]
  aria: Timed[]
}

/**
 * Scenario 1 over one emulator (HTTP or HTTPS): our engine, curl and aria2c -x1 fetch the same 2 GiB
 * file on one connection, each run starting with a different side. Each reference's time includes
 * the get_token call, as ours does. Over HTTPS every side verifies the emulator's certificate
 * against the test CA (ours through NODE_EXTRA_CA_CERTS).
 */
async function oneConnectionRuns(b: Bench, em: EmulatorProcess, caFile?: string): Promise<OneConnectionRuns> {
  const size = 2 * GIB
  const link = await createSynthetic(em, 'single.bin', size, 11)
  const dir = join(b.work, 'reference-out')
  const runs: OneConnectionRuns = { size, ours: [], worker: [], curl: [], aria: [] }
  const reference = async (command: 'curl' | 'aria2c'): Promise<Timed> => {
    const began = now()
    const url = await tokenUrl(em, link)
    const tokenMs = now() - began
    await mkdir(dir, { recursive: true })
    const dest = join(dir, 'single.bin')
    const commandArgs =
      command === 'curl'
        ? ['-s', '-f', ...(caFile ? ['--cacert', caFile] : []), '-o', dest, url]
        : [
            '-q',
            '-x1',
            '-s1',
            '--file-allocation=none',
            '--allow-overwrite=true',
            '--auto-file-renaming=false',
            ...(caFile ? [`--ca-certificate=${caFile}`] : []),
            '-d',
            dir,
            '-o',
            'single.bin',
            url,
          ]
    const timed = await timedCommand(command, commandArgs)
    if ((await stat(dest)).size !== size) throw new Error(`${command} got a short file`)
    await rm(dir, { recursive: true, force: true })
    return { ms: timed.ms + tokenMs, cpuMs: timed.cpuMs }
  }
  for (let i = 0; i < RUNS; i++) {
    await inRotation(i, [
      async () => {
        const o = await b.ours(
          caFile ? 'single-https' : 'single',
          { settings: { connectionsPerFile: 1 }, requests: [{ kind: 'download', links: [{ url: link }] }] },
          {
            profile: args.profile && i === 0,
            em,
            ...(caFile ? { env: { NODE_EXTRA_CA_CERTS: caFile } } : {}),
          },
        )
        runs.ours.push(o)
      },
      ...(caFile
        ? []
        : [
            async () => {
              const o = await b.ours(
                'single-worker',
                {
                  host: 'worker',
                  settings: { connectionsPerFile: 1 },
                  requests: [{ kind: 'download', links: [{ url: link }] }],
                },
                { em },
              )
              runs.worker.push(o)
            },
          ]),
      async () => void runs.curl.push(await reference('curl')),
      // aria2c (GnuTLS) spends several times curl's CPU on TLS: over HTTPS one run of it is enough.
      ...(caFile && i > 0 ? [] : [async () => void runs.aria.push(await reference('aria2c'))]),
    ])
    const o = runs.ours[i] as TransfersResult
    const c = runs.curl[i] as Timed
    const a = runs.aria[i]
    const w = runs.worker[i]
    const workerLine = w
      ? `, ours with the core in a worker ${(w.ms / 1000).toFixed(2)} s (cpu ${((w.cpuUserMs + w.cpuSystemMs) / 1000).toFixed(2)} s, event loop p99 ${w.eventLoop.p99Ms.toFixed(1)} ms, max ${w.eventLoop.maxMs.toFixed(0)} ms; an idle thread meanwhile: p99 ${(w.idleEventLoopP99Ms ?? Number.NaN).toFixed(1)} ms)`
      : ''
    const ariaLine = a
      ? `, aria2c -x1 ${(a.ms / 1000).toFixed(2)} s (cpu ${(a.cpuMs / 1000).toFixed(2)} s)`
      : ''
    console.log(
      `  run ${i + 1}: ours ${(o.ms / 1000).toFixed(2)} s (cpu ${(o.cpuUserMs / 1000).toFixed(2)} user + ${(o.cpuSystemMs / 1000).toFixed(2)} sys, event loop p99 ${o.eventLoop.p99Ms.toFixed(1)} ms, max ${o.eventLoop.maxMs.toFixed(0)} ms), curl ${(c.ms / 1000).toFixed(2)} s (cpu ${(c.cpuMs / 1000).toFixed(2)} s)${ariaLine}${workerLine}`,
    )
  }
  return runs
}

/** The time and CPU rows of scenario 1 (and 6) for one transport. */
function oneConnectionRows(b: Bench, runs: OneConnectionRuns, https: boolean): void {
  const oursS = median(runs.ours.map((r) => r.ms)) / 1000
  const gib = runs.size / GIB
  const oursCpu = median(runs.ours.map((r) => r.cpuUserMs + r.cpuSystemMs)) / 1000 / gib
  const over = https ? ' over HTTPS' : ''
  for (const [name, refRuns, timeTarget, cpuTarget] of [
    ['curl', runs.curl, 1.05, 1.5],
    ['aria2c -x1', runs.aria, 1.0, 1.0],
  ] as const) {
    const refS = median(refRuns.map((r) => r.ms)) / 1000
    const oneRun = refRuns.length === 1 && runs.ours.length > 1 ? `; ${name}: one run` : ''
    b.add({
      scenario: `${https ? '1-HTTPS' : '1'}. 2 GiB, 1 connection${over}: time vs ${name}`,
      ours: round(oursS, 2),
      reference: round(refS, 2),
      ratio: round(oursS / refS),
      unit: 's',
      target: `≤ ${timeTarget.toFixed(2).replace(/0$/, '')}`,
      met: oursS / refS <= timeTarget,
      ...(oneRun ? { note: oneRun.slice(2) } : {}),
    })
    const refCpu = median(refRuns.map((r) => r.cpuMs)) / 1000 / gib
    b.add({
      scenario: `${https ? '6-HTTPS' : '6'}. CPU seconds per GiB${over} vs ${name}`,
      ours: round(oursCpu, 2),
      reference: round(refCpu, 2),
      ratio: round(oursCpu / refCpu),
      unit: 'CPU s/GiB',
      target: `≤ ${cpuTarget.toFixed(1)}`,
      met: oursCpu / refCpu <= cpuTarget,
      note: `from the runs of scenario ${https ? '1-HTTPS' : '1'} (user + system)${oneRun}`,
    })
  }
}

async function singleConnection(b: Bench): Promise<void> {
  console.log('1/6. one 2 GiB file, one connection (ours vs curl and aria2c -x1)')
  const runs = await oneConnectionRuns(b, b.em)
  oneConnectionRows(b, runs, false)
  eventLoopRow(b, runs)
}

/**
 * The delay of the thread that serves the contract (in the app, the one that also serves the
 * window) while scenario 1 runs, with the core in a worker thread as in the app, against the
 * same with the core on that thread (the command line's arrangement).
 */
function eventLoopRow(b: Bench, runs: OneConnectionRuns): void {
  const p99 = median(runs.worker.map((r) => r.eventLoop.p99Ms))
  const inProcessP99 = median(runs.ours.map((r) => r.eventLoop.p99Ms))
  const workerS = median(runs.worker.map((r) => r.ms)) / 1000
  const limit = 20
  b.add({
    scenario: '8. event loop delay p99 of the contract thread during 1: core in a worker vs on that thread',
    ours: round(p99, 1),
    reference: round(inProcessP99, 1),
    ratio: round(p99 / inProcessP99),
    unit: 'ms',
    target: `ours ≤ ${limit} ms`,
    met: p99 <= limit,
    note: `perf_hooks.monitorEventLoopDelay at 10 ms resolution (values include the 10 ms period: idle ≈ 10.1 ms); worst single delay ${Math.max(...runs.worker.map((r) => r.eventLoop.maxMs)).toFixed(0)} ms with the worker, ${Math.max(...runs.ours.map((r) => r.eventLoop.maxMs)).toFixed(0)} ms without; an idle thread of another process meanwhile: p99 ${median(runs.worker.map((r) => r.idleEventLoopP99Ms ?? Number.NaN)).toFixed(1)} ms (the machine's floor); scenario 1 with the worker took ${workerS.toFixed(2)} s`,
  })
}

async function singleConnectionHttps(b: Bench): Promise<void> {
  console.log('1-HTTPS/6-HTTPS. the same over HTTPS, certificates verified against a test CA')
  const caDir = join(b.work, 'ca')
  await mkdir(caDir, { recursive: true })
  const ca = await makeTestCa(caDir)
  const em = await startEmulatorProcess(
    [KEY],
    ['--tls-cert', ca.serverCert, '--tls-key', ca.serverKey],
    await readFile(ca.caCert),
  )
  try {
    if (!em.apiUrl.startsWith('https://')) throw new Error(`the emulator serves ${em.apiUrl}, not HTTPS`)
    oneConnectionRows(b, await oneConnectionRuns(b, em, ca.caCert), true)
  } finally {
    await em.stop()
  }
}

async function cappedConnections(b: Bench): Promise<void> {
  console.log('2. one 1 GiB file, 40 MB/s per connection, 8 connections (ours vs aria2c -x8 -s8)')
  const size = GIB
  const cap = 40 * 1000 * 1000
  const link = await createSynthetic(b.em, 'capped.bin', size, 12)
  await b.em.control('setSpeedCap', cap)
  try {
    const ours: number[] = []
    const aria: number[] = []
    const dir = join(b.work, 'aria')
    for (let i = 0; i < RUNS; i++) {
      const [o, a] = await inTurn(
        i,
        () =>
          b.ours(
            'capped8',
            { settings: { connectionsPerFile: 8 }, requests: [{ kind: 'download', links: [{ url: link }] }] },
            { profile: args.profile && i === 0 },
          ),
        async () => {
          const began = now()
          const url = await tokenUrl(b.em, link)
          const tokenMs = now() - began
          await mkdir(dir, { recursive: true })
          const timed = await timedCommand('aria2c', [
            '-q',
            '-x8',
            '-s8',
            '--file-allocation=none',
            '--allow-overwrite=true',
            '--auto-file-renaming=false',
            '-d',
            dir,
            '-o',
            'capped.bin',
            url,
          ])
          if ((await stat(join(dir, 'capped.bin'))).size !== size) throw new Error('aria2c got a short file')
          await rm(dir, { recursive: true, force: true })
          return timed.ms + tokenMs
        },
      )
      ours.push(o.ms)
      aria.push(a)
      console.log(
        `  run ${i + 1}: ours ${(o.ms / 1000).toFixed(2)} s, aria2c ${(aria[i]! / 1000).toFixed(2)} s`,
      )
    }
    const oursS = median(ours) / 1000
    const ariaS = median(aria) / 1000
    b.add({
      scenario: '2a. 1 GiB, 8 × 40 MB/s: time vs aria2c -x8 -s8',
      ours: round(oursS, 2),
      reference: round(ariaS, 2),
      ratio: round(oursS / ariaS),
      unit: 's',
      target: '≤ 1.0',
      met: oursS / ariaS <= 1.0,
    })
    // The time 8 connections would take at exactly the cap. One connection is bound by the cap and
    // 8 by the machine (8 × 40 MB/s is more than 2 shared cores may carry), so a speed-up over one
    // connection says more about the machine than about us: each side is measured against the ideal.
    const idealS = size / (8 * cap)
    const oursEfficiency = idealS / oursS
    const ariaEfficiency = idealS / ariaS
    b.add({
      scenario: '2b. 8 × 40 MB/s: efficiency (capped ideal time ÷ time) vs aria2c -x8 -s8',
      ours: round(oursEfficiency),
      reference: round(ariaEfficiency),
      ratio: round(oursEfficiency / ariaEfficiency),
      unit: 'ideal ÷ time',
      target: '≥ 1.0',
      met: oursEfficiency >= ariaEfficiency,
      note: `ideal = 1 GiB ÷ (8 × 40 MB/s) = ${idealS.toFixed(2)} s; from the runs of 2a`,
    })
  } finally {
    await b.em.control('setSpeedCap', 0)
  }
}

async function rateLimited(b: Bench): Promise<void> {
  const count = 60
  console.log(`3. ${count} files of 2 MiB with the API rate limits on (ours vs the floor they set)`)
  const links: string[] = []
  for (let i = 0; i < count; i++) links.push(await createSynthetic(b.em, `small-${i}.bin`, 2 * MIB, 1000 + i))
  const ours: number[] = []
  let floodLocks = 0
  for (let i = 0; i < RUNS; i++) {
    await b.em.control('setRateLimits', true)
    await b.em.control('resetStats')
    const o = await b.ours(
      'rate',
      { requests: [{ kind: 'download', links: links.map((url) => ({ url })) }] },
      { profile: args.profile && i === 0 },
    )
    const stats = await b.em.control<{ floodLocks: number; rateLimited: number }>('stats')
    floodLocks += stats.floodLocks
    ours.push(o.ms)
    console.log(
      `  run ${i + 1}: ${(o.ms / 1000).toFixed(2)} s, flood locks ${stats.floodLocks}, rate-limited answers ${stats.rateLimited}`,
    )
    await b.em.control('setRateLimits', false)
  }
  // One get_token call per file, at most 2 calls per second (the documented rate the client keeps to).
  const floorS = count / 2
  const oursS = median(ours) / 1000
  b.add({
    scenario: `3a. ${count} × 2 MiB, API limits on: time vs floor`,
    ours: round(oursS, 2),
    reference: floorS,
    ratio: round(oursS / floorS),
    unit: 's',
    target: '≤ 1.2',
    met: oursS / floorS <= 1.2,
    note: `${count} files instead of 200 to keep the run short; floor = ${count} get_token calls ÷ 2 calls/s`,
  })
  b.add({
    scenario: '3b. flood locks during 3a',
    ours: floodLocks,
    reference: 0,
    ratio: floodLocks,
    unit: 'locks',
    target: '= 0',
    met: floodLocks === 0,
  })
}

async function upload(b: Bench): Promise<void> {
  console.log('4. upload of 1 GiB (ours vs curl -F to the same node)')
  const size = GIB
  const source = join(b.work, 'upload-source', 'upload.bin')
  await mkdir(join(b.work, 'upload-source'), { recursive: true })
  await pipeline(syntheticStream(21, size), createWriteStream(source))
  const ours: number[] = []
  const curl: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const [o, c] = await inTurn(
      i,
      () =>
        b.ours(
          'upload',
          { requests: [{ kind: 'upload', paths: [source], folderId: 0 }] },
          { profile: args.profile && i === 0 },
        ),
      async () => {
        const began = now()
        const server = jsonOf(await apiCall(b.em.apiUrl, 'upload/get_upload_server.cgi', undefined))
        const node = `http://${server.url as string}/upload.cgi?id=${server.id as string}`
        const serverMs = now() - began
        const timed = await timedCommand('curl', [
          '-s',
          '-f',
          '-H',
          `Authorization: Bearer ${KEY}`,
          '-F',
          'did=0',
          '-F',
          `file[]=@${source}`,
          node,
        ])
        return timed.ms + serverMs
      },
    )
    ours.push(o.ms)
    curl.push(c)
    console.log(
      `  run ${i + 1}: ours ${(o.ms / 1000).toFixed(2)} s, curl -F ${(curl[i]! / 1000).toFixed(2)} s`,
    )
  }
  await rm(join(b.work, 'upload-source'), { recursive: true, force: true })
  const oursS = median(ours) / 1000
  const curlS = median(curl) / 1000
  b.add({
    scenario: '4. upload 1 GiB: time vs curl -F',
    ours: round(oursS, 2),
    reference: round(curlS, 2),
    ratio: round(oursS / curlS),
    unit: 's',
    target: '≤ 1.05',
    met: oursS / curlS <= 1.05,
    note: 'curl -F: get_upload_server + the POST; ours also collects end.pl and checks the Whirlpool',
  })
}

async function memory(b: Bench): Promise<void> {
  console.log('5. memory: peak RSS downloading 4 GiB vs 512 MiB (default 4 connections)')
  const big = await createSynthetic(b.em, 'mem-big.bin', 4 * GIB, 31)
  const small = await createSynthetic(b.em, 'mem-small.bin', 512 * MIB, 32)
  const smallRun = await b.ours('mem-small', { requests: [{ kind: 'download', links: [{ url: small }] }] })
  const bigRun = await b.ours(
    'mem-big',
    { requests: [{ kind: 'download', links: [{ url: big }] }] },
    { profile: args.profile },
  )
  console.log(
    `  512 MiB: peak ${smallRun.peakRssMb.toFixed(0)} MiB in ${(smallRun.ms / 1000).toFixed(2)} s; 4 GiB: peak ${bigRun.peakRssMb.toFixed(0)} MiB in ${(bigRun.ms / 1000).toFixed(2)} s`,
  )
  const ratio = bigRun.peakRssMb / smallRun.peakRssMb
  b.add({
    scenario: '5. peak RSS: 4 GiB vs 512 MiB download',
    ours: round(bigRun.peakRssMb, 1),
    reference: round(smallRun.peakRssMb, 1),
    ratio: round(ratio),
    unit: 'MiB',
    target: '≤ 1.2',
    met: ratio <= 1.2,
    note: `absolute peak ${bigRun.peakRssMb.toFixed(0)} MiB (whole process: Node + tsx + core); one run each`,
  })
}

async function queueScale(b: Bench): Promise<void> {
  console.log(
    '7. queue scale: 10,000 links in one add, cold start, one state change with 100 vs 10,000 items',
  )
  const dataDir = join(b.work, 'queue-scale')
  const runner = spawnRunner<QueueScaleRow[]>(
    { mode: 'queue-scale', dataDir, counts: [100, 10_000], repetitions: 200 },
    args.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(b.work, 'profiles')}`] : [],
  )
  const rows = await runner.result
  await rm(dataDir, { recursive: true, force: true })
  const [small, large] = rows as [QueueScaleRow, QueueScaleRow]
  for (const row of rows) {
    console.log(
      `  ${row.count} items: add ${row.addMs.toFixed(0)} ms, cold start ${row.coldStartMs.toFixed(0)} ms, pause+resume of one item ${row.toggleMedianMs.toFixed(3)} ms (median)`,
    )
  }
  b.add({
    scenario: '7a. add 10,000 links in one call',
    ours: round(large.addMs, 0),
    reference: round(small.addMs, 0),
    ratio: round(large.addMs / small.addMs, 1),
    unit: 'ms (10,000 vs 100)',
    target: 'noted',
    met: true,
  })
  b.add({
    scenario: '7b. cold start with 10,000 items',
    ours: round(large.coldStartMs, 0),
    reference: round(small.coldStartMs, 0),
    ratio: round(large.coldStartMs / small.coldStartMs, 1),
    unit: 'ms (10,000 vs 100)',
    target: 'noted',
    met: true,
  })
  const ratio = large.toggleMedianMs / small.toggleMedianMs
  b.add({
    scenario: '7c. pause+resume one item: 10,000 vs 100 queued',
    ours: round(large.toggleMedianMs, 3),
    reference: round(small.toggleMedianMs, 3),
    ratio: round(ratio, 2),
    unit: 'ms (median of 200)',
    target: '≤ 2',
    met: ratio <= 2,
  })
}

function table(rows: BenchRow[]): string {
  const header = ['Scenario', 'Ours', 'Reference', 'Unit', 'Ratio', 'Target', 'Met']
  const lines = rows.map((r) => [
    r.scenario,
    String(r.ours),
    String(r.reference),
    r.unit,
    String(r.ratio),
    r.target,
    r.met ? 'yes' : 'NO',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)))
  const fmt = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`
  return [fmt(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(fmt)].join('\n')
}

async function main(): Promise<void> {
  const began = now()
  const loadBefore = loadavg()[1] ?? 0
  const work = await mkdtemp(join(tmpdir(), 'fichier-bench-'))
  const em = await startEmulatorProcess([KEY])
  const bench = new Bench(em, work)
  try {
    if (wanted('1', '6', '8')) await singleConnection(bench)
    if (wanted('1-https', '6-https')) await singleConnectionHttps(bench)
    if (wanted('2')) await cappedConnections(bench)
    if (wanted('3')) await rateLimited(bench)
    if (wanted('4')) await upload(bench)
    if (wanted('5')) await memory(bench)
    if (wanted('7')) await queueScale(bench)
  } finally {
    await em.stop()
    await rm(work, { recursive: true, force: true })
  }
  console.log(`\n${table(bench.rows)}\n`)
  console.log(
    `${RUNS} run(s) per scenario (median), node ${process.version}, ${((now() - began) / 60_000).toFixed(1)} min in all; 5-minute load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[1] ?? 0).toFixed(1)} at the end (${cpus().length} cores).`,
  )
  const notMet = bench.rows.filter((r) => !r.met)
  if (notMet.length > 0) console.log(`Targets not met: ${notMet.map((r) => r.scenario).join('; ')}`)
  await writeFile(args.out, `${JSON.stringify(bench.rows, null, 2)}\n`)
  console.log(`wrote ${args.out}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
})
