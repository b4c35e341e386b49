import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import type { MkdirOutput } from '../json-output'
import { joinRemotePath, splitRemotePath } from '../remote-path'
import { UsageError } from '../usage-error'

export const mkdirCommand: Command = {
  name: 'mkdir',
  summary: 'create a folder (and its missing parents)',
  usage: 'fichier mkdir <REMOTE_PATH>',
  description:
    'Creates the folder at REMOTE_PATH, with any missing parent; existing folders are reused. Prints the folder id.',
  options: {},
  optionHelp: [],
  minOperands: 1,
  maxOperands: 1,
  async run({ args, output, signal, openCore }) {
    const segments = splitRemotePath(args.positionals[0] ?? '')
    if (segments.length === 0) throw new UsageError('The root folder always exists: name a folder to create.')
    const cli = await openCore()
    try {
      const folderId = await cli.core.client.ensureFolderPath(0, segments, { signal })
      const path = joinRemotePath(segments)
      output.line(`${path}\t${folderId}`)
      output.document({ command: 'mkdir', path, folderId } satisfies MkdirOutput)
      return ExitCode.ok
    } finally {
      await cli.close()
    }
  },
}
