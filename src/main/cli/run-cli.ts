import { resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { SettingsPatch } from '../../shared/model/settings'
import { AppError } from '../core/lib/app-error'
import type { CliIo } from './cli-io'
import { CliOutput } from './cli-output'
import type { CommandContext } from './command'
import { CommandArgs } from './command-args'
import { COMMANDS } from './commands/index'
import { defaultStateDir } from './default-state-dir'
import { ExitCode, exitCodeFor } from './exit-code'
import { commandHelp, mainHelp } from './help-text'
import type { CliErrorOutput } from './json-output'
import type { CliCore } from './open-cli-core'
import { UsageError } from './usage-error'

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  'key-file': { type: 'string' },
  'state-dir': { type: 'string' },
  'wait-on-lock': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>

/** A bad `FICHIER_API_URL` is named as such, before anything tries to reach it. */
function checkApiUrl(value: string | undefined): void {
  if (value === undefined || value === '') return
  const url = URL.canParse(value) ? new URL(value) : null
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new AppError(
      'BAD_SETTING',
      `FICHIER_API_URL is not an http(s) URL: ${JSON.stringify(value)} (e.g. https://api.1fichier.com/v1). Unset it to use 1fichier.`,
    )
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/**
 * Runs one command line (`argv` without node and the script) and answers its exit code. `signal`
 * is the interruption (SIGINT): commands stop, keep the queue and end with INTERRUPTED.
 */
export async function runCli(argv: readonly string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    io.stderr.write(mainHelp(COMMANDS))
    return ExitCode.usage
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((command) => command.name === rest[0])
    io.stdout.write(topic ? commandHelp(topic) : mainHelp(COMMANDS))
    return ExitCode.ok
  }
  const output = new CliOutput(io, rest.includes('--json'))
  let verbose = false
  try {
    const command = COMMANDS.find((candidate) => candidate.name === name)
    if (!command) throw new UsageError(`Unknown command "${name}". Run fichier --help for the list.`)
    let parsed
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...GLOBAL_OPTIONS, ...command.options },
        allowPositionals: true,
        strict: true,
      })
    } catch (error) {
      throw new UsageError(
        `${error instanceof Error ? error.message : String(error)} (see fichier ${command.name} --help)`,
        { cause: error },
      )
    }
    const args = new CommandArgs(parsed.values, parsed.positionals)
    if (args.flag('help')) {
      io.stdout.write(commandHelp(command))
      return ExitCode.ok
    }
    verbose = args.flag('verbose')
    const count = args.positionals.length
    if (count < command.minOperands || (command.maxOperands !== undefined && count > command.maxOperands)) {
      const wanted =
        command.maxOperands === undefined
          ? `at least ${plural(command.minOperands, 'argument')}`
          : command.maxOperands === command.minOperands
            ? plural(command.minOperands, 'argument')
            : `${command.minOperands} to ${command.maxOperands} arguments`
      throw new UsageError(`${command.name} takes ${wanted}. Usage: ${command.usage}`)
    }

    const stateDirOption = args.string('state-dir')
    const stateDir = stateDirOption ? resolve(io.cwd, stateDirOption) : defaultStateDir(io.env)
    const keyFileOption = args.string('key-file')
    const waitOnLock = args.flag('wait-on-lock')
    const context: CommandContext = {
      args,
      io,
      output,
      signal,
      stateDir,
      waitOnLock,
      openCore: async (settings: SettingsPatch = {}): Promise<CliCore> => {
        checkApiUrl(io.env['FICHIER_API_URL'])
        // Loaded on demand: help and usage errors answer without loading the core.
        const { openCliCore } = await import('./open-cli-core')
        const cli = await openCliCore({
          stateDir,
          keyFile: keyFileOption ? resolve(io.cwd, keyFileOption) : undefined,
          env: io.env,
          defaultDownloadsDir: io.cwd,
          waitOnLock,
          verbose,
          settings,
          signal,
          onLockWait: (until) =>
            output.note(
              `1fichier paused API calls (flood lock); waiting until ${new Date(until).toISOString()} (--wait-on-lock).`,
            ),
          onSlowCall: (method) =>
            output.note(
              `waiting for 1fichier (${method}): it allows one listing of a folder every 30 s and a few API calls a second…`,
            ),
          onWait: (pid) =>
            output.note(`waiting for another fichier command (pid ${pid}) that uses the same state folder…`),
          onBudgetWait: (wait) =>
            output.note(
              `waiting ${Math.ceil(wait.ms / 1000)} s: 1fichier allows one listing of a folder every 30 s, and this one was just listed.`,
            ),
          log: (message) => {
            if (verbose) io.stderr.write(`${message}\n`)
          },
        })
        const until = cli.core.client.pausedUntil()
        if (until !== null) {
          const when = new Date(until).toISOString()
          if (!waitOnLock) {
            await cli.close()
            throw new AppError(
              'FLOOD_LOCKED',
              `1fichier paused API calls until ${when}. Run the command again later (add --wait-on-lock to wait instead).`,
            )
          }
          output.note(`1fichier paused API calls until ${when}; waiting.`)
        }
        return cli
      },
    }
    return await command.run(context)
  } catch (caught) {
    const error = signal.aborted && !(caught instanceof UsageError) ? signal.reason : caught
    const code =
      typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as AppError).code : 'INTERNAL'
    const exitCode = exitCodeFor(code)
    let message = error instanceof Error ? error.message : String(error)
    if (exitCode === ExitCode.rateLimited && !message.includes('--wait-on-lock')) {
      message += ' Run the command again later (the queue is kept), or add --wait-on-lock to wait.'
    }
    output.error(code, message)
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
    output.document({ error: { code, message }, exitCode } satisfies CliErrorOutput)
    return exitCode
  }
}
