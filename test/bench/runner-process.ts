import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { RunnerConfig } from './engine-runner'

const RUNNER = fileURLToPath(new URL('./engine-runner.ts', import.meta.url))

export interface RunnerProcess<T> {
  child: ChildProcess
  /** Resolves once the runner has journaled its transfers (`RUNNER_ADDED`). */
  added: Promise<void>
  /** The runner's result; rejects when it exits without one (crash or kill). */
  result: Promise<T>
}

/** Starts the engine runner in a child process (`node --import tsx`, no intermediate process). */
export function spawnRunner<T>(
  config: RunnerConfig,
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
  logTo?: Writable,
): RunnerProcess<T> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', RUNNER, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  })
  let stderr = ''
  if (logTo) child.stderr?.pipe(logTo, { end: false })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000)
  })
  let onAdded: () => void = () => undefined
  const added = new Promise<void>((resolve) => (onAdded = resolve))
  const result = new Promise<T>((resolve, reject) => {
    let value: T | undefined
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> })
    lines.on('line', (line) => {
      if (line === 'RUNNER_ADDED') onAdded()
      else if (line.startsWith('RUNNER_RESULT ')) value = JSON.parse(line.slice('RUNNER_RESULT '.length)) as T
    })
    child.once('close', (code, signal) => {
      // Let the last stdout line be read before deciding.
      setImmediate(() => {
        if (value !== undefined && code === 0) resolve(value)
        else reject(new Error(`engine runner exited ${code ?? signal}: ${stderr.trim().slice(-2000)}`))
      })
    })
  })
  result.catch(() => undefined)
  return { child, added, result }
}
