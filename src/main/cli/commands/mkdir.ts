import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import type { MkdirOutput } from '../json-output'
import { joinRemotePath, splitRemotePath } from '../remote-path'
import { UsageError } from '../usage-error'
import { renamedNote, toRemoteName } from '../../../shared/names/remote-name'

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
      const folderId = await cli.client.ensureFolderPath(0, segments, { signal })
      const path = joinRemotePath(segments)
      const remotePath = joinRemotePath(segments.map(toRemoteName))
      output.line(`${remotePath}\t${folderId}`)
      for (const segment of segments) {
        const note = renamedNote(segment)
        if (note) output.note(`renamed  ${segment}: ${note}`)
      }
      output.document({
        command: 'mkdir',
        path,
        folderId,
        ...(remotePath !== path ? { remotePath } : {}),
      } satisfies MkdirOutput)
      return ExitCode.ok
    } finally {
      await cli.close()
    }
  },
}
