import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import type { RemoteUploadOutput } from '../json-output'
import { splitRemotePath } from '../remote-path'
import { createTransferReporter } from '../transfer-reporter'
import { UsageError } from '../usage-error'
import { watchTransfers } from '../watch-transfers'

export const remoteUploadCommand: Command = {
  name: 'remote-upload',
  summary: 'have 1fichier fetch URLs into your account',
  usage: 'fichier remote-upload <urls…> [--to REMOTE_PATH | --folder-id ID]',
  description: [
    '1fichier downloads each http(s) URL itself into a folder of your account (no bytes pass through this',
    'machine). The command waits for 1fichier to finish (it checks every 30 s) and prints each new link.',
  ].join('\n'),
  options: {
    to: { type: 'string', short: 't' },
    'folder-id': { type: 'string' },
  },
  optionHelp: [
    ['-t, --to REMOTE_PATH', 'target folder by path (created if missing)'],
    ['--folder-id ID', 'target folder by id (0 is the root, the default)'],
  ],
  minOperands: 1,
  async run({ args, io, output, signal, waitOnLock, openCore }) {
    const to = args.string('to')
    if (to !== undefined && args.string('folder-id') !== undefined)
      throw new UsageError('Give --to or --folder-id, not both.')
    const givenId = args.int('folder-id', 0, Number.MAX_SAFE_INTEGER)
    const urls = [...args.positionals]
    for (const url of urls) {
      if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
        throw new UsageError(`Not an http(s) URL: ${url}`)
    }
    const cli = await openCore()
    const reporter = createTransferReporter(io, output, (view) => `${view.link ?? ''}  ${view.source}`)
    try {
      const { engine } = cli.core
      const client = cli.client
      const segments = to !== undefined ? splitRemotePath(to) : []
      const folderId =
        givenId ?? (segments.length > 0 ? await client.ensureFolderPath(0, segments, { signal }) : 0)
      const added = await engine.add({ kind: 'remote-upload', urls, folderId })
      const ids = [...added.addedIds]
      const earlier = engine
        .list()
        .items.filter(
          (item) =>
            item.kind === 'remote-upload' && added.duplicates.includes(item.source) && !ids.includes(item.id),
        )
      await engine.resume({ ids: earlier.map((item) => item.id) })
      ids.push(...earlier.map((item) => item.id))
      const views = await watchTransfers(cli.core, ids, reporter, { signal, waitOnLock })
      reporter.stop()
      const items = views.map((view) => ({
        url: view.source,
        status: view.status,
        ...(view.link ? { link: view.link } : {}),
        ...(view.error && view.status !== 'completed' ? { error: view.error } : {}),
      }))
      const failed = items.filter((item) => item.status !== 'completed').length
      output.document({
        command: 'remote-upload',
        folderId,
        items,
        duplicates: added.duplicates,
        failed,
      } satisfies RemoteUploadOutput)
      return failed > 0 ? ExitCode.someFailed : ExitCode.ok
    } finally {
      reporter.stop()
      await cli.close()
    }
  },
}
