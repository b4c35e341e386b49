// The `fichier` command: the app's core under plain Node, for scripts (cron, NAS, seedbox).
import { interruptedError } from './cli/watch-transfers'
import { runCli } from './cli/run-cli'

const interrupt = new AbortController()
let interruptedAt = 0
process.on('SIGINT', () => {
  // First Ctrl-C: stop cleanly (the queue is kept). Another one a moment later does not wait; one
  // right away is ignored (a library re-raises the signal it saw after its own clean-up).
  if (interrupt.signal.aborted) {
    if (Date.now() - interruptedAt > 1000) process.exit(130)
    return
  }
  interruptedAt = Date.now()
  process.stderr.write('\nstopping (Ctrl-C again to quit at once)…\n')
  interrupt.abort(interruptedError())
})
process.on('SIGTERM', () => interrupt.abort(interruptedError()))

const code = await runCli(
  process.argv.slice(2),
  {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  },
  interrupt.signal,
)
process.exitCode = code
