// SLOW (tens of seconds; needs the npm registry or a warm npm cache for the dependencies). Packs the package as a
// user gets it (`npm pack`, which builds `out/` first), installs the tarball into an empty global prefix
// (`npm install -g --prefix`) and runs the installed `fichier`, from a folder far from this checkout so that
// nothing resolves from its node_modules. Run by `npm test` after the build, or alone with
// `npx vitest run --config test/packaging/vitest.config.ts`.
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEY, startEmulator, type RunningEmulator } from '../emulator/index'

const run = promisify(execFile)
const REPO = fileURLToPath(new URL('../..', import.meta.url))

let work: string
let tarball: string
let packed: string[]
let prefix: string
let installed: string
let emulator: RunningEmulator

/** Runs the installed `fichier` with nothing but Node on the PATH and a home, state and keys folder of its own. */
async function fichier(args: string[], env: Record<string, string> = {}) {
  const home = join(work, 'home')
  await mkdir(home, { recursive: true })
  try {
    const { stdout, stderr } = await run(join(prefix, 'bin', 'fichier'), args, {
      cwd: home,
      env: {
        PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: home,
        XDG_STATE_HOME: join(home, 'state'),
        FICHIER_DESK_KEYS_DIR: join(home, 'keys'),
        ...env,
      },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fd-package-'))
  await run('npm', ['pack', '--pack-destination', work], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 })
  const name = (await readdir(work)).find((entry) => /^fichier-desk-.*\.tgz$/.test(entry))
  if (!name) throw new Error(`npm pack wrote no fichier-desk-*.tgz in ${work}`)
  tarball = join(work, name)
  packed = (await run('tar', ['-tzf', tarball])).stdout.split('\n').filter(Boolean)
  prefix = join(work, 'prefix')
  await run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
    cwd: work,
    maxBuffer: 16 * 1024 * 1024,
  })
  installed = join(prefix, 'lib', 'node_modules', 'fichier-desk')
  emulator = await startEmulator({ rateLimits: false, seed: 'demo' })
})

afterAll(async () => {
  await emulator?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the npm package', () => {
  it('holds the built command and the built interface, and no sources, tests or source maps', () => {
    expect(packed).toContain('package/out/main/cli.js')
    expect(packed).toContain('package/out/renderer/index.html')
    expect(packed.some((path) => /^package\/out\/renderer\/assets\/index-.*\.js$/.test(path))).toBe(true)
    expect(packed.filter((path) => /^package\/(src|test|node_modules)\//.test(path))).toEqual([])
    expect(packed.filter((path) => path.endsWith('.map'))).toEqual([])
  })

  it('installs without Electron or the interface libraries, which the command does not load', () => {
    expect(existsSync(join(prefix, 'bin', 'fichier'))).toBe(true)
    expect(existsSync(join(installed, 'out', 'renderer', 'index.html'))).toBe(true)
    for (const absent of ['electron', 'react', 'react-dom', 'react-i18next', 'i18next', 'vite'])
      expect(existsSync(join(installed, 'node_modules', absent)), absent).toBe(false)
  })

  it('gives a `fichier` command that prints its help', async () => {
    const help = await fichier(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: fichier <command>/m)
    expect(help.stdout).toMatch(/^ {2}download /m)
  })

  it('gives a `fichier` command that runs the engine: a download checked against its Whirlpool', async () => {
    const file = await emulator.control.createFile({ key: DEMO_KEY, name: 'packed.bin', size: 300_000 })
    const out = join(work, 'downloads')
    const download = await fichier(['download', file.url, '--out', out, '--json'], {
      FICHIER_API_URL: emulator.apiUrl,
      FICHIER_API_KEY: DEMO_KEY,
    })
    expect(download.stderr).toBe('')
    expect(download.code).toBe(0)
    expect(JSON.parse(download.stdout)).toMatchObject({ items: [{ status: 'completed' }] })
    expect((await stat(join(out, 'packed.bin'))).size).toBe(300_000)
  })

  it('gives `fichier serve`, which serves the packed interface from where it is installed', async () => {
    const help = await fichier(['serve', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: fichier serve/m)
    const home = join(work, 'home')
    const child = spawn(
      join(prefix, 'bin', 'fichier'),
      ['serve', '--listen', '127.0.0.1:0', '--state-dir', join(home, 'serve')],
      {
        cwd: home,
        env: {
          PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
          HOME: home,
          FICHIER_DESK_KEYS_DIR: join(home, 'keys'),
          FICHIER_API_URL: emulator.apiUrl,
          FICHIER_API_KEY: DEMO_KEY,
        },
      },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const ended = new Promise<number | null>((resolve) => child.once('close', resolve))
    try {
      while (!/^serving on (http\S+)$/m.test(output)) {
        if (child.exitCode !== null) throw new Error(`fichier serve ended:\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const url = /^serving on (http\S+)$/m.exec(output)?.[1] ?? ''
      const page = await fetch(url, { headers: { Accept: 'text/html' } })
      expect(page.status).toBe(200)
      expect(await page.text()).toMatch(/<script type="module"[^>]* src="\.?\/assets\/index-/)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await ended).toBe(0)
  })
})
