import { AppError } from '../../core/lib/app-error'
import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import type { LinkOutput } from '../json-output'
import { resolveTarget } from '../remote-path'
import { UsageError } from '../usage-error'

export const linkCommand: Command = {
  name: 'link',
  summary: 'print the link of a file, or share a folder and print its link',
  usage: 'fichier link <REMOTE_PATH>',
  description:
    'Prints the 1fichier link of a file. For a folder, shares it publicly first (anyone with the link can see its files).',
  options: {},
  optionHelp: [],
  minOperands: 1,
  maxOperands: 1,
  async run({ args, output, signal, openCore }) {
    const cli = await openCore()
    try {
      const client = cli.client
      const target = await resolveTarget(client, args.positionals[0] ?? '', signal)
      let url: string
      if (target.type === 'file') url = target.url
      else {
        if (target.id === 0) throw new UsageError('The root folder cannot be shared: name a folder.')
        const shared = await client.shareFolder(target.id, { public: true }, { signal })
        const found =
          shared.url ?? (await client.folderList(target.id, { files: true, refresh: true, signal })).sharedUrl
        if (!found) throw new AppError('PROTOCOL', `1fichier did not give a link for ${target.path}.`)
        url = found
      }
      output.line(url)
      output.document({ command: 'link', path: target.path, type: target.type, url } satisfies LinkOutput)
      return ExitCode.ok
    } finally {
      await cli.close()
    }
  },
}
