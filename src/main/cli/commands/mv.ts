import type { TransferError } from '../../../shared/model/transfer'
import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import { itemFailure } from '../item-failure'
import type { MvOutput } from '../json-output'
import { joinRemotePath, resolveFolder, splitRemotePath } from '../remote-path'
import { resolveTargets } from '../resolve-targets'

export const mvCommand: Command = {
  name: 'mv',
  summary: 'move files and folders into another folder',
  usage: 'fichier mv <REMOTE_PATH|LINK…> <DEST_FOLDER>',
  description:
    'Moves files (by path or link) and folders (by path) into DEST_FOLDER, which must exist. Use rename to rename.',
  options: {},
  optionHelp: [],
  minOperands: 2,
  async run({ args, output, signal, openCore }) {
    const destSegments = splitRemotePath(args.positionals.at(-1) ?? '/')
    const cli = await openCore()
    try {
      const client = cli.client
      const destinationId = await resolveFolder(client, destSegments, signal)
      const resolved = await resolveTargets(client, args.positionals.slice(0, -1), signal)
      const moved: MvOutput['moved'] = []
      const failed: Array<{ path: string; error: TransferError }> = []
      const fail = (path: string, error: TransferError) => {
        failed.push({ path, error })
        output.note(`failed  ${path}: ${error.code} ${error.message}`)
      }
      const files = resolved.flatMap((entry) =>
        'target' in entry && entry.target.type === 'file' ? [entry.target] : [],
      )
      if (files.length > 0) {
        try {
          await client.moveFiles(
            files.map((file) => file.url),
            destinationId,
            { signal },
          )
          for (const file of files) {
            moved.push({ path: file.path, type: 'file' })
            output.line(`moved  ${file.path}`)
          }
        } catch (error) {
          const failure = itemFailure(error)
          for (const file of files) fail(file.path, failure)
        }
      }
      for (const entry of resolved) {
        if ('error' in entry) fail(entry.path, entry.error)
        else if (entry.target.type === 'folder') {
          try {
            await client.moveFolder(entry.target.id, { destinationFolderId: destinationId }, { signal })
            moved.push({ path: entry.target.path, type: 'folder' })
            output.line(`moved  ${entry.target.path}`)
          } catch (error) {
            fail(entry.path, itemFailure(error))
          }
        }
      }
      output.document({
        command: 'mv',
        destination: joinRemotePath(destSegments),
        destinationId,
        moved,
        failed,
      } satisfies MvOutput)
      return failed.length > 0 ? ExitCode.someFailed : ExitCode.ok
    } finally {
      await cli.close()
    }
  },
}
