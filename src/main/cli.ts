// The `fichier` command: the app's core under plain Node, for scripts (cron, NAS, seedbox).
import { writeSync } from 'node:fs'
import { interruptedError } from './cli/watch-transfers'
import { runCli } from './cli/run-cli'
import { ExitCode } from './cli/exit-code'

/** After the first Ctrl-C, how long a clean stop may take before the command ends anyway. */
const STOP_GRACE_MS = 5000

const args = process.argv.slice(2)
const json = args.includes('--json')
let ended = false

/**
 * The last word when something escaped every command's own handling (an error thrown outside any
 * await, or nothing left to wait for before the command answered): one line on stderr and, with
 * `--json`, one JSON document on stdout, then a documented exit code, never a stack trace.
 */
function endBadly(code: string, message: string, exitCode: number): never {
  if (!ended) {
    ended = true
    try {
      writeSync(2, `error ${code}: ${message}\n`)
      if (json) writeSync(1, `${JSON.stringify({ error: { code, message }, exitCode }, null, 2)}\n`)
    } catch {
      // The streams are gone: the exit code is all that is left to say.
    }
  }
  process.exit(exitCode)
}

process.on('uncaughtException', (error) =>
  endBadly('INTERNAL', `Unexpected failure: ${error.message}`, ExitCode.runtime),
)
process.on('unhandledRejection', (reason) =>
  endBadly(
    'INTERNAL',
    `Unexpected failure: ${reason instanceof Error ? reason.message : String(reason)}`,
    ExitCode.runtime,
  ),
)
process.on('beforeExit', () => {
  if (!ended)
    endBadly(
      'INTERNAL',
      'The command stopped before it could finish (nothing was left to wait for). Run it again to continue.',
      ExitCode.runtime,
    )
})

const interrupt = new AbortController()
let interruptedAt = 0
const stop = (signal: string) => {
  // First Ctrl-C: stop cleanly (the queue is kept). Another one a moment later does not wait; one
  // right away is ignored (a library re-raises the signal it saw after its own clean-up).
  if (interrupt.signal.aborted) {
    if (Date.now() - interruptedAt > 1000) process.exit(ExitCode.interrupted)
    return
  }
  interruptedAt = Date.now()
  process.stderr.write(`\nstopping (${signal === 'SIGINT' ? 'Ctrl-C again to quit at once' : signal})…\n`)
  interrupt.abort(interruptedError())
  setTimeout(
    () =>
      endBadly(
        'INTERRUPTED',
        `Interrupted; the clean stop took more than ${STOP_GRACE_MS / 1000} s, so the command ended anyway. Unfinished transfers are kept: run the same command again to continue.`,
        ExitCode.interrupted,
      ),
    STOP_GRACE_MS,
  ).unref()
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))

const code = await runCli(
  args,
  {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  },
  interrupt.signal,
)
ended = true
process.exitCode = code
