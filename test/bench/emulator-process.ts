import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { rawRequest } from '../emulator/raw-http'

export interface EmulatorProcess {
  apiUrl: string
  origin: string
  /** The certificate authority to trust when it serves HTTPS. */
  ca?: Buffer
  /** Calls a method of the emulator's control (`POST /__emulator/<method>`). */
  control<T = unknown>(method: string, ...args: unknown[]): Promise<T>
  stop(): Promise<void>
}

const CLI = fileURLToPath(new URL('../emulator/cli.ts', import.meta.url))

/**
 * The emulator in a child process of its own (its CPU is not counted as ours), with rate limits off;
 * `extraArgs` go to its command line (`--tls-cert F --tls-key F` serves HTTPS).
 */
export async function startEmulatorProcess(
  keys: string[],
  extraArgs: string[] = [],
  ca?: Buffer,
): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      '--port',
      '0',
      '--no-rate-limits',
      ...keys.flatMap((key) => ['--key', key]),
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const apiUrl = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> })
    lines.on('line', (line) => {
      const match = /emulator listening on (\S+)/.exec(line)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)))
  })
  const origin = apiUrl.replace(/\/v1$/, '')
  return {
    apiUrl,
    origin,
    ...(ca ? { ca } : {}),
    async control<T>(method: string, ...args: unknown[]): Promise<T> {
      const response = await rawRequest(`${origin}/__emulator/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ args }),
        ...(ca ? { ca } : {}),
      })
      if (response.status !== 200)
        throw new Error(`control ${method}: ${response.status} ${response.text.slice(0, 200)}`)
      return response.json as T
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      await exited
    },
  }
}
