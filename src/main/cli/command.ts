import type { ParseArgsConfig } from 'node:util'
import type { SettingsPatch } from '../../shared/model/settings'
import type { CliIo } from './cli-io'
import type { CliOutput } from './cli-output'
import type { CommandArgs } from './command-args'
import type { CliCore } from './open-cli-core'

export interface CommandContext {
  args: CommandArgs
  io: CliIo
  output: CliOutput
  /** Aborted on SIGINT: stop, keep the queue, exit 130. */
  signal: AbortSignal
  /** The state folder (`--state-dir` or the default): the queue, the history and the settings of the command line. */
  stateDir: string
  /** Whether a flood lock is waited out (`--wait-on-lock`) rather than ending the command with exit 4. */
  waitOnLock: boolean
  /** Opens the core on the state folder (key checked first); `settings` apply to this command only. */
  openCore(settings?: SettingsPatch): Promise<CliCore>
}

/** One sub-command: its options (node:util parseArgs), its help and what it does. Answers the exit code. */
export interface Command {
  name: string
  summary: string
  usage: string
  /** Paragraphs after the usage line in `--help`. */
  description: string
  options: NonNullable<ParseArgsConfig['options']>
  /** `[flags, explanation]` lines of `--help`. */
  optionHelp: ReadonlyArray<readonly [string, string]>
  minOperands: number
  maxOperands?: number
  run(context: CommandContext): Promise<number>
}
