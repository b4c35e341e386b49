import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import type { RenameOutput } from '../json-output'
import { resolveTarget } from '../remote-path'
import { UsageError } from '../usage-error'
import { renamedNote, toRemoteName } from '../../../shared/names/remote-name'

export const renameCommand: Command = {
  name: 'rename',
  summary: 'rename a file or folder',
  usage: 'fichier rename <REMOTE_PATH|LINK> <NEW_NAME>',
  description: 'Gives a file (by path or link) or a folder (by path) a new name in the same folder.',
  options: {},
  optionHelp: [],
  minOperands: 2,
  maxOperands: 2,
  async run({ args, output, signal, openCore }) {
    const [path = '', newName = ''] = args.positionals
    if (newName.trim() === '')
      throw new UsageError('NEW_NAME is empty: give the new name of the file or folder.')
    if (newName.includes('/')) throw new UsageError('NEW_NAME is a name, not a path (no "/").')
    const cli = await openCore()
    try {
      const client = cli.client
      const target = await resolveTarget(client, path, signal)
      if (target.type === 'folder' && target.id === 0)
        throw new UsageError('The root folder cannot be renamed.')
      if (target.type === 'file')
        await client.renameFiles([{ url: target.url, filename: newName }], { signal })
      else await client.moveFolder(target.id, { rename: newName }, { signal })
      const remoteName = toRemoteName(newName)
      output.line(`renamed  ${target.path} → ${remoteName}`)
      const note = renamedNote(newName)
      if (note) output.note(note)
      output.document({
        command: 'rename',
        path: target.path,
        type: target.type,
        newName,
        ...(remoteName !== newName ? { remoteName } : {}),
      } satisfies RenameOutput)
      return ExitCode.ok
    } finally {
      await cli.close()
    }
  },
}
