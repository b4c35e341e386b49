import { join, resolve } from 'node:path'
import type { ConflictPolicy, SettingsPatch } from '../../../shared/model/settings'
import { ConflictPolicy as ConflictPolicySchema } from '../../../shared/model/settings'
import type { TransferView } from '../../../shared/model/transfer'
import type { Command } from '../command'
import { itemsExitCode } from '../exit-code'
import { itemStatus } from '../item-status'
import { prepareOutDir } from '../prepare-out-dir'
import type { DownloadItemOutput, DownloadOutput } from '../json-output'
import { parseRate } from '../parse-rate'
import { readInputText } from '../read-input-text'
import { altSpeedNote } from '../alt-speed-note'
import { checkedLinks } from '../checked-links'
import { createTransferReporter } from '../transfer-reporter'
import { UsageError } from '../usage-error'
import { watchTransfers } from '../watch-transfers'

const RESUMABLE = new Set(['paused', 'failed', 'queued', 'retrying'])

function itemOutput(view: TransferView): DownloadItemOutput {
  const status = itemStatus(view)
  return {
    link: view.source,
    name: view.name,
    ...(view.status === 'completed' ? { path: join(view.target, view.name) } : {}),
    status,
    size: status === 'skipped' ? null : view.bytesTotal,
    ...(view.checksum && status === 'completed' ? { checksum: view.checksum } : {}),
    ...(view.note ? { note: view.note } : {}),
    ...(view.error && view.status !== 'completed' ? { error: view.error } : {}),
  }
}

export const downloadCommand: Command = {
  name: 'download',
  summary: 'download file and folder links (resumable, verified)',
  usage:
    'fichier download <links…> [--from-file F|-] [--out DIR] [--jobs N] [--connections N] [--limit RATE]',
  description: [
    'Downloads 1fichier file links and public folder links (every file of the folder). Links are found in any',
    'text, so a pasted page or a list with junk around the links works. Files land in --out (default: the',
    'current folder), each over several connections into one .part file, and are checked (size, and the',
    'Whirlpool checksum 1fichier gives for each file, asked with one API call per file unless --no-verify)',
    'before taking their final name.',
    '',
    'Interrupted (Ctrl-C, crash, lost connection)? Run the same command again: it continues from the bytes',
    'already on disk. A file whose name is already taken in --out is not fetched: it is reported as "skipped"',
    '(exit code 6 when nothing failed; see --conflict). Two links of one run that give the same name never',
    'write one file: with rename the second gets "name (1).ext"; with skip or overwrite the second is skipped',
    '(overwrite replaces a file that was there before the run, never one the run itself fetched).',
  ].join('\n'),
  options: {
    'from-file': { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    jobs: { type: 'string', short: 'j' },
    connections: { type: 'string', short: 'c' },
    limit: { type: 'string', short: 'l' },
    password: { type: 'string', short: 'p' },
    conflict: { type: 'string' },
    'no-verify': { type: 'boolean' },
    schedule: { type: 'boolean' },
  },
  optionHelp: [
    ['-f, --from-file F', 'read links from file F, or from standard input with -'],
    ['-o, --out DIR', 'where files go (default: the current folder)'],
    ['-j, --jobs N', 'files downloaded at once (1-20, default 3)'],
    ['-c, --connections N', 'connections per file (1-16, default 4)'],
    ['-l, --limit RATE', 'overall speed limit in bytes/s, with K, M or G (e.g. 40M); 0 = none'],
    ['-p, --password P', 'password for protected links that carry none'],
    ['--conflict POLICY', 'when the file exists: skip (default), rename, or overwrite'],
    ['--no-verify', 'skip the checksum (saves one API call per file; size is still checked)'],
    ['--schedule', "follow the alternative speed limits and weekly schedule of the state folder's settings"],
  ],
  minOperands: 0,
  async run({ args, io, output, signal, waitOnLock, openCore }) {
    const parts = [...args.positionals]
    const fromFile = args.string('from-file')
    if (fromFile !== undefined) parts.push(await readInputText(fromFile, io.stdin))
    const text = parts.join('\n')
    if (text.trim() === '')
      throw new UsageError('Give at least one link, or --from-file F (- for standard input).')

    const dir = resolve(io.cwd, args.string('out') ?? '.')
    const conflictText = args.string('conflict') ?? 'skip'
    const conflict = ConflictPolicySchema.safeParse(conflictText)
    if (!conflict.success)
      throw new UsageError(`--conflict takes skip, rename or overwrite (got "${conflictText}").`)
    const limit = args.string('limit')
    const jobs = args.int('jobs', 1, 20)
    const connections = args.int('connections', 1, 16)
    const settings: SettingsPatch = {
      conflict: conflict.data satisfies ConflictPolicy,
      ...(jobs !== undefined ? { maxActive: jobs } : {}),
      ...(connections !== undefined ? { connectionsPerFile: connections } : {}),
      ...(limit !== undefined ? { downloadLimit: parseRate(limit) } : {}),
      // The alternative limits apply only when asked for: a cron job runs at the speed it was given.
      ...(args.flag('schedule') ? {} : { altSpeedMode: 'off' as const }),
    }
    const password = args.string('password')
    const verify = !args.flag('no-verify')

    await prepareOutDir(dir)
    const cli = await openCore(settings)
    const slowed = altSpeedNote(cli.core, 'download')
    if (slowed) output.note(slowed)
    const reporter = createTransferReporter(io, output, (view) => `${join(view.target, view.name)}`)
    try {
      const engine = cli.core.engine
      // Names and sizes first, from one link check per 100 links (no API budget per link).
      const checked = await checkedLinks(
        text,
        (urls) => cli.core.client.checkLinks(urls, { signal }),
        (reason) => output.note(`link check unavailable (${reason}); names come with the downloads`),
      )
      const added = await engine.add({
        kind: 'download',
        links: checked.links,
        targetDir: dir,
        start: true,
        verify,
        ...(password ? { password } : {}),
      })
      const ids = [...added.addedIds]
      // Links already in the queue from an earlier run: resume them (same folder) or start them over here.
      const known = engine.list().items.filter((item) => item.kind === 'download' && !ids.includes(item.id))
      const resume: string[] = []
      const replace: TransferView[] = []
      for (const link of new Set(added.duplicates)) {
        const earlier = known.find((item) => item.source === link)
        if (!earlier) continue
        if (earlier.target !== dir) replace.push(earlier)
        else if (RESUMABLE.has(earlier.status)) resume.push(earlier.id)
        ids.push(earlier.id)
      }
      if (resume.length > 0) await engine.resume({ ids: resume })
      if (replace.length > 0) {
        await engine.remove({ ids: replace.map((item) => item.id) })
        const again = await engine.add({
          kind: 'download',
          links: replace.map((item) => ({ url: item.source, ...(password ? { password } : {}) })),
          targetDir: dir,
          start: true,
          verify,
        })
        const gone = new Set(replace.map((item) => item.id))
        ids.splice(0, ids.length, ...ids.filter((id) => !gone.has(id)), ...again.addedIds)
      }
      const rejected = [...checked.rejected, ...added.rejected]
      for (const line of rejected) output.note(`rejected  ${line.line}: ${line.reason}`)
      if (ids.length === 0 && rejected.length === 0)
        throw new UsageError('No 1fichier link found in the input.')

      const views = await watchTransfers(cli.core, [...new Set(ids)], reporter, { signal, waitOnLock })
      reporter.stop()
      const items = views.map(itemOutput)
      const skipped = items.filter((item) => item.status === 'skipped').length
      const failed =
        items.filter((item) => item.status !== 'completed' && item.status !== 'skipped').length +
        rejected.length
      output.document({
        command: 'download',
        dir,
        items,
        rejected,
        failed,
        skipped,
      } satisfies DownloadOutput)
      const diskFull = items.some((item) => item.error?.code === 'DISK_FULL')
      return itemsExitCode({ failed, skipped, diskFull })
    } finally {
      reporter.stop()
      await cli.close()
    }
  },
}
