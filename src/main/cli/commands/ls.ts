import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import { formatBytes } from '../../../shared/format/format-bytes'
import type { LsOutput, RemoteEntry } from '../json-output'
import { joinRemotePath, resolveFolder, splitRemotePath } from '../remote-path'

export const lsCommand: Command = {
  name: 'ls',
  summary: 'list a folder of your account',
  usage: 'fichier ls [REMOTE_PATH] [--recursive]',
  description: [
    'Lists the sub-folders and files of a folder of your 1fichier account (default: the root), one per line:',
    'folders end with "/", files show their size and link. --recursive walks the whole tree below it.',
  ].join('\n'),
  options: { recursive: { type: 'boolean', short: 'r' } },
  optionHelp: [['-r, --recursive', 'list sub-folders too, all the way down']],
  minOperands: 0,
  maxOperands: 1,
  async run({ args, output, signal, openCore }) {
    const segments = splitRemotePath(args.positionals[0] ?? '/')
    const recursive = args.flag('recursive')
    const cli = await openCore()
    try {
      const client = cli.client
      const folderId = await resolveFolder(client, segments, signal)
      const entries: RemoteEntry[] = []
      const walk = async (id: number, at: string[]): Promise<void> => {
        const listing = await client.folderList(id, { files: true, signal })
        for (const folder of listing.subFolders) {
          const entry: RemoteEntry = {
            type: 'folder',
            path: joinRemotePath([...at, folder.name]),
            name: folder.name,
            id: folder.id,
          }
          entries.push(entry)
          output.line(`${entry.path}/`)
        }
        for (const file of listing.items) {
          const entry: RemoteEntry = {
            type: 'file',
            path: joinRemotePath([...at, file.name]),
            name: file.name,
            url: file.url,
            size: file.size,
            date: file.date,
            checksum: file.checksum,
          }
          entries.push(entry)
          output.line(`${entry.path}\t${formatBytes(file.size)}\t${file.url}`)
        }
        if (recursive) {
          for (const folder of listing.subFolders) await walk(folder.id, [...at, folder.name])
        }
      }
      await walk(folderId, segments)
      output.document({ command: 'ls', path: joinRemotePath(segments), folderId, entries } satisfies LsOutput)
      return ExitCode.ok
    } finally {
      await cli.close()
    }
  },
}
