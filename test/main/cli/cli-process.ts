// Runs the real `fichier` command as a child process: the built one (out/main/cli.js, what the package
// ships) when it is newer than every source it is built from, else src/main/cli.ts through tsx.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isBuiltFresh } from '../../helpers/build-freshness'

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))
const SOURCE_CLI = root('src/main/cli.ts')
const BUILT_CLI = root('out/main/cli.js')
/** tsx's loader by URL, so that the child finds it whatever its working folder. */
const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href

/**
 * How to start the command: `npm test` builds first, so the tests run the shipped file (a third of
 * the start-up cost of compiling on the fly); an edit since the build falls back to the sources.
 */
function cliCommand(): string[] {
  const sources = ['src/main', 'src/shared', 'electron.vite.config.ts', 'package.json'].map(root)
  return isBuiltFresh(BUILT_CLI, sources) ? [BUILT_CLI] : ['--import', TSX, SOURCE_CLI]
}

let command: string[] | undefined

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface CliStart {
  child: ChildProcess
  /** Everything written so far to stdout and stderr. */
  output(): string
  done: Promise<CliRun>
}

export interface CliOptions {
  env?: Record<string, string | undefined>
  cwd?: string
  stdin?: string
  /** Run as this user and group (e.g. an unprivileged one, where a test needs permissions to hold). */
  uid?: number
  gid?: number
}

export function startCli(args: readonly string[], options: CliOptions = {}): CliStart {
  // The per-key API budgets: a folder of this run's own unless the test shares one between runs.
  const ownKeysDir =
    options.env && 'FICHIER_DESK_KEYS_DIR' in options.env
      ? null
      : mkdtempSync(join(tmpdir(), 'fichier-keys-'))
  const env: Record<string, string | undefined> = {
    ...process.env,
    FICHIER_API_KEY: undefined,
    FICHIER_API_URL: undefined,
    ...(ownKeysDir ? { FICHIER_DESK_KEYS_DIR: ownKeysDir } : {}),
    ...options.env,
  }
  command ??= cliCommand()
  const child = spawn(process.execPath, [...command, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdin!.end(options.stdin ?? '')
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (ownKeysDir) rmSync(ownKeysDir, { recursive: true, force: true })
      resolve({ code, signal, stdout, stderr })
    })
  })
  return { child, output: () => stdout + stderr, done }
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return startCli(args, options).done
}
