import type { TransferError } from '../../../shared/model/transfer'
import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import { itemFailure } from '../item-failure'
import type { RmOutput } from '../json-output'
import { resolveTargets } from '../resolve-targets'
import { UsageError } from '../usage-error'

export const rmCommand: Command = {
  name: 'rm',
  summary: 'delete files and (empty) folders',
  usage: 'fichier rm <REMOTE_PATH|LINK…>',
  description:
    'Deletes files (by path or link) and folders (by path; 1fichier deletes only empty folders). There is no undo.',
  options: {},
  optionHelp: [],
  minOperands: 1,
  async run({ args, output, signal, openCore }) {
    const cli = await openCore()
    try {
      const client = cli.client
      const removed: RmOutput['removed'] = []
      const failed: Array<{ path: string; error: TransferError }> = []
      const fail = (path: string, error: TransferError) => {
        failed.push({ path, error })
        output.note(`failed  ${path}: ${error.code} ${error.message}`)
      }
      const resolved = await resolveTargets(client, args.positionals, signal)
      if (
        resolved.some((entry) => 'target' in entry && entry.target.type === 'folder' && entry.target.id === 0)
      ) {
        throw new UsageError('The root folder cannot be deleted.')
      }
      for (const entry of resolved) {
        if ('error' in entry) {
          fail(entry.path, entry.error)
          continue
        }
        const { target } = entry
        try {
          if (target.type === 'file') await client.removeFiles([{ url: target.url }], { signal })
          else await client.removeFolder(target.id, { signal })
          removed.push({ path: target.path, type: target.type })
          output.line(`removed  ${target.path}`)
        } catch (error) {
          fail(entry.path, itemFailure(error))
        }
      }
      output.document({ command: 'rm', removed, failed } satisfies RmOutput)
      return failed.length > 0 ? ExitCode.someFailed : ExitCode.ok
    } finally {
      await cli.close()
    }
  },
}
