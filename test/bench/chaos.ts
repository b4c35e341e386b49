/**
 * Chaos run: mixed downloads and uploads (single files and a folder tree) against the emulator with
 * random faults on, while the engine process is SIGKILLed and restarted at random moments. At the end
 * every item must be completed, every file byte-identical to its source, nothing duplicated remotely
 * or locally, and no `.part` left.
 * Run: npm run chaos [-- --minutes M] [--seed N] [--keep]. The default (3 minutes, fewer and smaller
 * items) is the CI version; `--minutes M` runs 200 items and kills for about half of M minutes.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { startEmulator, syntheticChunks, type RunningEmulator } from '../emulator/index'
import type { TransfersConfig, TransfersResult } from './engine-runner'
import { spawnRunner, type RunnerProcess } from './runner-process'

const KEY = 'ChaosKeyChaosKeyChaosKeyChaosK01'
const KIB = 1024
const MIB = 1024 ** 2

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string' },
    seed: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
})
const long = args.minutes !== undefined
const minutes = long ? Math.max(1, Number(args.minutes)) : 3
const seed = args.seed !== undefined ? Number(args.seed) : Math.floor(Math.random() * 2 ** 31)

/** mulberry32: a small seeded generator, so a failing run can be repeated with `--seed`. */
function seeded(start: number): () => number {
  let a = start >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seeded(seed)
const between = (min: number, max: number): number => Math.floor(min + random() * (max - min + 1))
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

interface Plan {
  downloads: number[]
  uploads: number[]
  tree: number[]
}

function plan(): Plan {
  if (!long) {
    return {
      downloads: [
        ...Array.from({ length: 20 }, () => between(16 * KIB, 2 * MIB)),
        ...Array.from({ length: 8 }, () => between(3 * MIB, 8 * MIB)),
        ...Array.from({ length: 2 }, () => between(20 * MIB, 30 * MIB)),
      ],
      uploads: Array.from({ length: 12 }, () => between(8 * KIB, 4 * MIB)),
      tree: Array.from({ length: 10 }, () => between(4 * KIB, 1 * MIB)),
    }
  }
  return {
    downloads: [
      ...Array.from({ length: 90 }, () => between(16 * KIB, 4 * MIB)),
      ...Array.from({ length: 24 }, () => between(4 * MIB, 16 * MIB)),
      ...Array.from({ length: 6 }, () => between(30 * MIB, 60 * MIB)),
    ],
    uploads: Array.from({ length: 56 }, () => between(8 * KIB, 12 * MIB)),
    tree: Array.from({ length: 24 }, () => between(4 * KIB, 2 * MIB)),
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function sha256OfSynthetic(fileSeed: number, size: number): string {
  const hash = createHash('sha256')
  for (const chunk of syntheticChunks(fileSeed, size)) hash.update(chunk)
  return hash.digest('hex')
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

type Fault = { name: string; apply: (em: RunningEmulator) => void }

function faults(): Fault[] {
  const list: Fault[] = [
    {
      name: 'reset a download',
      apply: (em) => em.control.resetDownloadAfter(between(1, 2 * MIB), between(1, 3)),
    },
    {
      name: '5xx on a download',
      apply: (em) =>
        em.control.failNext({ path: 'download', status: pick([500, 502, 503]), times: between(1, 2) }),
    },
    {
      name: '5xx on get_token',
      apply: (em) => em.control.failNext({ path: '/v1/download/get_token.cgi', status: pick([500, 503]) }),
    },
    {
      name: '5xx on upload',
      apply: (em) => em.control.failNext({ path: '/upload.cgi', status: pick([500, 502]) }),
    },
    {
      name: '5xx on get_upload_server',
      apply: (em) => em.control.failNext({ path: '/v1/upload/get_upload_server.cgi', status: 503 }),
    },
    {
      name: 'stall a download',
      apply: (em) =>
        em.control.stallNext({ path: 'download', ms: between(1000, 6000), afterBytes: between(0, MIB) }),
    },
    { name: 'expire every token', apply: (em) => em.control.expireAllTokens() },
    { name: 'flood lock', apply: (em) => em.control.floodLockNow(between(1000, 3000)) },
    { name: 'lose the upload node', apply: (em) => em.control.loseUploadNode(1) },
    { name: 'end.pl wait page', apply: (em) => em.control.endPlWait(between(1, 3)) },
    { name: 'wrong length', apply: (em) => em.control.wrongLengthNext({ delta: -between(1, 4096) }) },
  ]
  // An endless stall is only caught by the engine's 30 s idle timeout: too slow for the CI run.
  if (long)
    list.push({
      name: 'endless stall',
      apply: (em) => em.control.stallNext({ path: 'download', afterBytes: between(0, MIB) }),
    })
  return list
}

async function main(): Promise<void> {
  const began = Date.now()
  const budgetMs = minutes * 60_000
  const killPhaseMs = long ? budgetMs * 0.5 : 75_000
  const work = await mkdtemp(join(tmpdir(), 'fichier-chaos-'))
  const log = createWriteStream(join(work, 'chaos.log'))
  const say = (line: string): void => {
    const stamped = `[${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s] ${line}`
    console.log(stamped)
    log.write(`${stamped}\n`)
  }
  say(`chaos: ${long ? `long run, ${minutes} min` : 'short run (CI)'}, seed ${seed}, work folder ${work}`)

  const em = await startEmulator({
    keys: [{ key: KEY }],
    dataDir: join(work, 'emulator'),
    rateLimits: { lockMs: 2000 },
  })
  let passed = false
  let runner: RunnerProcess<TransfersResult> | null = null
  try {
    const p = plan()
    // Remote sources for the downloads.
    const remote = new Map<string, { seed: number; size: number }>()
    const links: string[] = []
    for (const [i, size] of p.downloads.entries()) {
      const name = `down-${String(i).padStart(3, '0')}.bin`
      const file = await em.control.createFile({ key: KEY, name, synthetic: { size, seed: seed + i + 1 } })
      remote.set(name, { seed: file.seed as number, size })
      links.push(file.url)
    }
    // Local sources for the uploads: single files, and a tree dropped as a folder.
    const local = new Map<string, { path: string; sha: string; size: number }>()
    const sources = join(work, 'sources')
    const uploadPaths: string[] = []
    const addLocal = async (path: string, relKey: string, size: number): Promise<void> => {
      const bytes = randomBytes(size)
      await writeFile(path, bytes)
      local.set(relKey, { path, sha: createHash('sha256').update(bytes).digest('hex'), size })
    }
    await mkdir(sources, { recursive: true })
    for (const [i, size] of p.uploads.entries()) {
      const path = join(sources, `up-${String(i).padStart(3, '0')}.bin`)
      await addLocal(path, relative(sources, path), size)
      uploadPaths.push(path)
    }
    const treeDirs = ['tree', 'tree/a', 'tree/b', 'tree/b/c', 'tree/b/c/d']
    for (const [i, size] of p.tree.entries()) {
      const dir = join(sources, pick(treeDirs))
      await mkdir(dir, { recursive: true })
      const path = join(dir, `leaf-${String(i).padStart(3, '0')}.dat`)
      await addLocal(path, relative(sources, path), size)
    }
    const total = links.length + local.size
    say(
      `${links.length} downloads (${(p.downloads.reduce((a, b) => a + b, 0) / MIB).toFixed(0)} MiB), ${p.uploads.length} uploads and a tree of ${p.tree.length} files: ${total} items`,
    )

    const downloadsDir = join(work, 'downloads')
    const config: TransfersConfig = {
      mode: 'transfers',
      apiUrl: em.apiUrl,
      key: KEY,
      dataDir: join(work, 'engine'),
      downloadsDir,
      settings: { maxActive: 4, connectionsPerFile: 3 },
      requests: [
        { kind: 'download', links: links.map((url) => ({ url })) },
        { kind: 'upload', paths: uploadPaths, folderId: 0 },
        { kind: 'upload', paths: [join(sources, 'tree')], folderId: 0 },
      ],
      addedMarker: join(work, 'engine-added'),
      // Injected flood locks last seconds here, not the minutes 1fichier imposes; many faults need many tries.
      client: { floodLock: { floodMs: 3000, ipLockedMs: 3000 }, retry: { baseMs: 200, maxMs: 2000 } },
      engine: { maxAttempts: 40 },
      timeoutMs: budgetMs,
    }
    const env = { ...process.env, RUNNER_LOG: '1' }
    const start = (): RunnerProcess<TransfersResult> => spawnRunner<TransfersResult>(config, [], env, log)

    // Kill phase: faults and SIGKILLs at random moments.
    const faultList = faults()
    let kills = 0
    let injected = 0
    let outcome: TransfersResult | null = null
    runner = start()
    let nextKill = Date.now() + between(800, 9000)
    let nextFault = Date.now() + between(300, 2500)
    while (Date.now() - began < killPhaseMs && outcome === null) {
      const current: RunnerProcess<TransfersResult> = runner
      const settled = await Promise.race([
        current.result.then(
          (r) => r,
          () => null,
        ),
        sleep(100).then(() => undefined),
      ])
      if (settled !== undefined) {
        if (settled) outcome = settled
        else {
          say('engine exited on its own without a result: restarting it')
          runner = start()
        }
        continue
      }
      if (Date.now() >= nextFault) {
        const fault = pick(faultList)
        fault.apply(em)
        injected++
        log.write(`fault: ${fault.name}\n`)
        nextFault = Date.now() + between(300, 2500)
      }
      if (Date.now() >= nextKill) {
        current.child.kill('SIGKILL')
        await current.result.catch(() => undefined)
        kills++
        await sleep(between(100, 1500))
        runner = start()
        nextKill = Date.now() + between(800, 9000)
      }
    }
    say(
      `kill phase over: ${kills} SIGKILLs, ${injected} faults injected; faults off, waiting for the engine to finish`,
    )
    em.control.reset()

    if (outcome === null) {
      const remaining = Math.max(10_000, budgetMs - (Date.now() - began))
      const last: RunnerProcess<TransfersResult> = runner
      const timer = setTimeout(() => last.child.kill('SIGKILL'), remaining)
      outcome = await last.result.catch((error: unknown) => {
        say(
          `engine did not finish in time: ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`,
        )
        return null
      })
      clearTimeout(timer)
    }
    const problems: string[] = []
    if (!outcome) problems.push('the engine did not finish within the time budget')
    else {
      const completed = outcome.counts['completed'] ?? 0
      if (completed !== total)
        problems.push(
          `${completed} of ${total} items completed: ${JSON.stringify(outcome.counts)} ${JSON.stringify(outcome.failures.slice(0, 10))}`,
        )
    }

    // Downloads: every file once, byte-identical, no part files.
    const got = await filesUnder(downloadsDir)
    const leftovers = got.filter((path) => /\.part($|\.)/.test(path) || path.endsWith('.tmp'))
    if (leftovers.length > 0)
      problems.push(
        `left in the download folder: ${leftovers.map((f) => relative(downloadsDir, f)).join(', ')}`,
      )
    const names = got.filter((path) => !leftovers.includes(path)).map((path) => relative(downloadsDir, path))
    const unexpected = names.filter((name) => !remote.has(name))
    if (unexpected.length > 0)
      problems.push(`unexpected downloaded files (duplicates or wrong names): ${unexpected.join(', ')}`)
    let verified = 0
    for (const [name, source] of remote) {
      if (!names.includes(name)) {
        problems.push(`download missing: ${name}`)
        continue
      }
      const path = join(downloadsDir, name)
      if ((await sha256OfFile(path)) !== sha256OfSynthetic(source.seed, source.size))
        problems.push(`download differs from the source: ${name}`)
      else verified++
    }

    // Uploads: one remote file per source, in the right folder, byte-identical; no duplicate folders.
    const folders = em.control.listFolders(KEY)
    const folderPath = (id: number): string => {
      const parts: string[] = []
      let current = folders.find((f) => f.id === id)
      while (current) {
        parts.unshift(current.name)
        const parentId = current.parentId
        current = folders.find((f) => f.id === parentId)
      }
      return parts.join('/')
    }
    const siblings = new Map<string, number>()
    for (const folder of folders)
      siblings.set(
        `${folder.parentId}/${folder.name}`,
        (siblings.get(`${folder.parentId}/${folder.name}`) ?? 0) + 1,
      )
    for (const [where, count] of siblings)
      if (count > 1) problems.push(`remote folder created ${count} times: ${where}`)
    const remoteFiles = em.control.listFiles(KEY).filter((file) => !file.synthetic)
    const byPath = new Map<string, typeof remoteFiles>()
    for (const file of remoteFiles) {
      const dir = folderPath(file.folderId)
      const path = dir ? `${dir}/${file.name}` : file.name
      byPath.set(path, [...(byPath.get(path) ?? []), file])
    }
    for (const [relKey, source] of local) {
      const path = relKey.split(sep).join('/')
      const copies = byPath.get(path) ?? []
      if (copies.length === 0) {
        problems.push(`upload missing remotely: ${path}`)
        continue
      }
      if (copies.length > 1) problems.push(`upload duplicated remotely (${copies.length} copies): ${path}`)
      const copy = copies[0] as (typeof copies)[number]
      const sha = createHash('sha256').update(em.control.readFile(KEY, copy.id)).digest('hex')
      if (sha !== source.sha) problems.push(`upload differs from the source: ${path}`)
      else verified++
    }
    const strays = [...byPath.keys()].filter((path) => !local.has(path.split('/').join(sep)))
    if (strays.length > 0) problems.push(`unexpected remote files: ${strays.join(', ')}`)

    const stats = em.control.stats()
    say(
      `summary: ${outcome ? JSON.stringify(outcome.counts) : 'no result'}, ${verified}/${total} files verified by sha256, ${kills} SIGKILLs, ${injected} faults, ` +
        `flood locks ${stats.floodLocks}, tokens ${stats.tokensIssued}, uploads received ${stats.filesUploaded}, ${((Date.now() - began) / 1000).toFixed(0)} s`,
    )
    if (problems.length > 0) {
      for (const problem of problems) say(`FAIL: ${problem}`)
      say(`engine log and faults: ${join(work, 'chaos.log')} (kept); repeat with --seed ${seed}`)
    } else {
      passed = true
      say('chaos: PASS')
    }
  } finally {
    if (runner && runner.child.exitCode === null) {
      runner.child.kill('SIGKILL')
      await runner.result.catch(() => undefined)
    }
    await em.stop()
    await new Promise<void>((resolve) => log.end(() => resolve()))
    if (passed && !args.keep) await rm(work, { recursive: true, force: true })
  }
  process.exit(passed ? 0 : 1)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
})
