import { altSpeedNote } from '../alt-speed-note'
import { stat } from 'node:fs/promises'
import { basename, dirname, relative, resolve, sep } from 'node:path'
import type { AddRequest } from '../../../shared/model/intake'
import { UploadOptions } from '../../../shared/model/intake'
import type { TransferView } from '../../../shared/model/transfer'
import type { Command } from '../command'
import { itemsExitCode } from '../exit-code'
import { itemStatus } from '../item-status'
import { parseRate } from '../parse-rate'
import { AppError } from '../../core/lib/app-error'
import type { UploadItemOutput, UploadOutput } from '../json-output'
import { joinRemotePath, splitRemotePath } from '../remote-path'
import { createTransferReporter } from '../transfer-reporter'
import { UsageError } from '../usage-error'
import { watchTransfers } from '../watch-transfers'
import { renamedNote, toRemoteName } from '../../../shared/names/remote-name'

const RESUMABLE = new Set(['paused', 'failed', 'queued', 'retrying'])

/** The sub-folder (relative to the target) a local file goes to, given the folders named on the command line. */
function remoteSubFolder(file: string, roots: readonly string[]): string {
  const root = roots.find((candidate) => file.startsWith(candidate + sep))
  if (!root) return ''
  return [basename(root), ...relative(root, dirname(file)).split(sep).filter(Boolean)].join('/')
}

/** Whether an earlier run already sent this file to this folder, and the file has not changed since. */
async function sentUnchanged(earlier: TransferView, folderId: number): Promise<boolean> {
  if (earlier.status !== 'completed' || earlier.target !== String(folderId) || !earlier.link) return false
  const info = await stat(earlier.source).catch(() => null)
  return (
    info !== null &&
    info.size === earlier.bytesTotal &&
    earlier.finishedAt !== undefined &&
    info.mtimeMs <= earlier.finishedAt
  )
}

/**
 * 1fichier answers a removal link only for an anonymous upload: the key was not taken, and the
 * file went up outside the account. That is an error of the key, never a success.
 */
function anonymousUpload(view: TransferView): AppError | null {
  if (view.status !== 'completed' || !view.removeLink || view.skipped) return null
  return new AppError(
    'AUTH_INVALID_KEY',
    `1fichier took ${view.source} as an anonymous upload, outside your account: it did not accept the API key. ` +
      `Remove that copy with ${view.removeLink} and check the key.`,
  )
}

export const uploadCommand: Command = {
  name: 'upload',
  summary: 'upload files and folders (tree kept) and print their links',
  usage:
    'fichier upload <paths…> [--to REMOTE_PATH | --folder-id ID] [--password P] [--jobs N] [--limit RATE] [--skip-existing]',
  description: [
    'Uploads files, and folders with their whole tree, into a folder of your 1fichier account: --to names it by',
    'its path (missing folders are created, existing ones reused), --folder-id by its id; the default is the',
    'root. Each file is checked against the Whirlpool checksum 1fichier computes, and its link printed as it',
    'finishes (one "link  path" line per file). Interrupted? Run the same command again (same paths,',
    'destination and --state-dir): files it already sent, unchanged since, are not sent again (reported',
    '"skipped"); 1fichier has no upload resume, so a file cut off midway is sent again from its start.',
    '',
    'In a folder, every entry is uploaded or reported: links to files are followed (the file goes up under',
    "the link's name); links to folders are not followed, and links to nothing, named pipes, sockets,",
    'devices and sub-folders that cannot be read are reported as rejected (the rest of the tree goes up).',
  ].join('\n'),
  options: {
    to: { type: 'string', short: 't' },
    'folder-id': { type: 'string' },
    password: { type: 'string', short: 'p' },
    jobs: { type: 'string', short: 'j' },
    'skip-existing': { type: 'boolean' },
    limit: { type: 'string', short: 'l' },
    schedule: { type: 'boolean' },
  },
  optionHelp: [
    ['-t, --to REMOTE_PATH', 'target folder by path, e.g. /backups/db (created if missing)'],
    ['--folder-id ID', 'target folder by id (0 is the root)'],
    ['-p, --password P', 'protect each uploaded file with this password (6 characters or more)'],
    ['-j, --jobs N', 'files uploaded at once (1-20, default 3)'],
    ['-l, --limit RATE', 'overall upload speed limit in bytes/s, with K, M or G (e.g. 10M); 0 = none'],
    ['--skip-existing', 'do not send a file whose name and size are already in its remote folder'],
    ['--schedule', "follow the alternative speed limits and weekly schedule of the state folder's settings"],
  ],
  minOperands: 1,
  async run({ args, io, output, signal, waitOnLock, openCore }) {
    const to = args.string('to')
    const folderIdText = args.string('folder-id')
    if (to !== undefined && folderIdText !== undefined)
      throw new UsageError('Give --to or --folder-id, not both.')
    const givenId = args.int('folder-id', 0, Number.MAX_SAFE_INTEGER)
    const segments = to !== undefined ? splitRemotePath(to) : []
    const password = args.string('password')
    const options = UploadOptions.safeParse(password !== undefined ? { password } : {})
    if (!options.success) throw new UsageError(options.error.issues[0]?.message ?? 'Invalid upload options.')
    const jobs = args.int('jobs', 1, 20)

    const paths = args.positionals.map((path) => resolve(io.cwd, path))
    const roots: string[] = []
    for (const path of paths) {
      if ((await stat(path).catch(() => null))?.isDirectory()) roots.push(path)
    }

    const skipExisting = args.flag('skip-existing')
    const limit = args.string('limit')
    const cli = await openCore({
      ...(limit !== undefined ? { uploadLimit: parseRate(limit) } : {}),
      ...(jobs !== undefined ? { maxActive: jobs } : {}),
      ...(skipExisting ? { uploadDuplicates: 'skip' as const } : {}),
      // The alternative limits apply only when asked for: a cron job runs at the speed it was given.
      ...(args.flag('schedule') ? {} : { altSpeedMode: 'off' as const }),
    })
    const slowed = altSpeedNote(cli.core, 'upload')
    if (slowed) output.note(slowed)
    const reporter = createTransferReporter(io, output, (view) => `${view.link ?? ''}  ${view.source}`)
    try {
      const { engine } = cli.core
      const client = cli.client
      const folderId =
        givenId ?? (segments.length > 0 ? await client.ensureFolderPath(0, segments, { signal }) : 0)
      // The key must be known good before a byte goes up: 1fichier takes a file sent with a key it
      // does not know as an anonymous upload, outside the account. Listing the target folder proves
      // the key (and that the folder exists); with --to, creating the path already did.
      if (segments.length === 0 || givenId !== undefined) await client.folderList(folderId, { signal })
      const request: AddRequest = {
        kind: 'upload',
        paths,
        folderId,
        start: true,
        ...(password !== undefined ? { options: options.data } : {}),
      }
      const added = await engine.add(request)
      const ids = [...added.addedIds]
      // Files left unfinished by an earlier run: resume them when they go to the same folder, else start over.
      const known = engine.list().items.filter((item) => item.kind === 'upload' && !ids.includes(item.id))
      const resume: string[] = []
      const replace: TransferView[] = []
      const sent: TransferView[] = []
      for (const path of new Set(added.duplicates)) {
        const earlier = known.find((item) => item.source === path)
        if (!earlier) continue
        if (await sentUnchanged(earlier, folderId)) {
          // Sent by an interrupted run of this command and not changed since: never sent twice.
          sent.push(earlier)
          ids.push(earlier.id)
        } else if (earlier.target === String(folderId) && RESUMABLE.has(earlier.status)) {
          resume.push(earlier.id)
          ids.push(earlier.id)
        } else replace.push(earlier)
      }
      if (resume.length > 0) await engine.resume({ ids: resume })
      if (replace.length > 0) {
        await engine.remove({ ids: replace.map((item) => item.id) })
        ids.push(...(await engine.add(request)).addedIds)
      }
      for (const line of added.rejected) output.note(`rejected  ${line.line}: ${line.reason}`)

      const views = await watchTransfers(cli.core, [...new Set(ids)], reporter, {
        signal,
        waitOnLock,
        refuse: (view) => (sent.some((item) => item.id === view.id) ? null : anonymousUpload(view)),
      })
      reporter.stop()
      const items = views.map((view): UploadItemOutput => {
        const earlier = sent.some((item) => item.id === view.id)
        return {
          path: view.source,
          name: view.name,
          folder: remoteSubFolder(view.source, roots),
          status: earlier ? 'skipped' : itemStatus(view),
          ...(earlier
            ? { note: 'Sent by an earlier run of this command (unchanged since): not sent again.' }
            : view.note
              ? { note: view.note }
              : {}),
          size: view.bytesTotal,
          ...(view.link ? { link: view.link } : {}),
          ...(view.removeLink ? { removeLink: view.removeLink } : {}),
          ...(view.checksum ? { checksum: view.checksum } : {}),
          ...(toRemoteName(view.name) !== view.name ? { remoteName: toRemoteName(view.name) } : {}),
          ...(view.error && view.status !== 'completed' ? { error: view.error } : {}),
        }
      })
      for (const view of views) {
        const note = renamedNote(view.name)
        if (note && view.status === 'completed') output.note(`renamed  ${view.name}: ${note}`)
      }
      const skipped = items.filter((item) => item.status === 'skipped').length
      const failed =
        items.filter((item) => item.status !== 'completed' && item.status !== 'skipped').length +
        added.rejected.length
      output.document({
        command: 'upload',
        to: to !== undefined ? joinRemotePath(segments) : null,
        folderId,
        items,
        rejected: added.rejected,
        failed,
        skipped,
      } satisfies UploadOutput)
      // An upload found already there is what was asked for: not a reason for another exit code.
      return itemsExitCode({ failed, skipped: 0, diskFull: false })
    } finally {
      reporter.stop()
      await cli.close()
    }
  },
}
