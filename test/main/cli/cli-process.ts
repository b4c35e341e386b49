// Runs the real `fichier` command (src/main/cli.ts through tsx) as a child process.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const CLI = fileURLToPath(new URL('../../../src/main/cli.ts', import.meta.url))
/** tsx's loader by URL, so that the child finds it whatever its working folder. */
const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href

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
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
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
