import type { Command } from './command'

const GLOBAL_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['--json', 'print one JSON document on stdout instead of lines'],
  ['--key-file FILE', 'read the API key from FILE (mode 600); default: $FICHIER_API_KEY'],
  ['--state-dir DIR', 'where the queue and settings live (default: $XDG_STATE_HOME/fichier-desk)'],
  ['--wait-on-lock', 'when 1fichier pauses the API (flood lock), wait instead of exiting with 4'],
  ['-v, --verbose', "also log the engine's diagnostics and each transfer status with its cause on stderr"],
  ['-h, --help', 'show help'],
]

const EXIT_CODES = [
  '0 success (every item transferred, or already uploaded), 1 some items failed, 2 usage error,',
  '3 missing, invalid or unsafe API key (or refused by 1fichier), 4 rate limited or flood locked by 1fichier,',
  '5 other error (the message names the path or setting), 6 nothing failed but some downloads were',
  'skipped (a file of that name was already there: not fetched), 7 no space left on the disk,',
  '130 interrupted (the queue is kept)',
].join('\n  ')

function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...rows.map(([left]) => left.length)) + 2
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n')
}

export function mainHelp(commands: readonly Command[]): string {
  return [
    'fichier: 1fichier transfers from scripts (same engine as Fichier Desk)',
    '',
    'Usage: fichier <command> [options]   (fichier <command> --help for details)',
    '',
    'Commands:',
    table(commands.map((command) => [command.name, command.summary])),
    '',
    'Options for every command:',
    table(GLOBAL_OPTIONS),
    '',
    'Environment: FICHIER_API_KEY (the key), FICHIER_API_URL (API base, default https://api.1fichier.com/v1)',
    '',
    `Exit codes:\n  ${EXIT_CODES}`,
    '',
  ].join('\n')
}

export function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.description,
    '',
    ...(command.optionHelp.length > 0 ? ['Options:', table(command.optionHelp), ''] : []),
    'Options for every command:',
    table(GLOBAL_OPTIONS),
    '',
    `Exit codes:\n  ${EXIT_CODES}`,
    '',
  ].join('\n')
}
