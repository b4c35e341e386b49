import { access } from 'node:fs/promises'
import { basename } from 'node:path'
import type { DialogsPort } from '../../dialogs-port'
import type { FileOpenerPort } from '../../file-opener-port'
import { AppError } from '../../lib/app-error'
import { writeMarkOfTheWeb } from './mark-of-the-web'
import { isRunnableFile } from './runnable-file'

export interface TransferFiles {
  localFile(id: string): { path: string; finished: boolean } | undefined
  /** The link a download came from; null for anything else (an upload is the user's own file). */
  downloadLink(id: string): string | null
}

export interface OpenSafety {
  /** Asks before a downloaded program or script is opened. */
  dialogs: DialogsPort
  /** `process.platform`: on Windows a downloaded file carries its Mark-of-the-Web before it is opened. */
  platform: string
}

/**
 * Opens (or reveals) the local file of a transfer: only a finished one can be opened, while any
 * download's folder can be shown. A file that was moved or deleted since is reported as such. A
 * downloaded program or script is opened only once the user said so, in a dialog naming the file
 * and the link it came from.
 */
export async function openTransferFile(
  transfers: TransferFiles,
  opener: FileOpenerPort,
  id: string,
  reveal: boolean,
  safety: OpenSafety,
): Promise<{ path: string }> {
  const local = transfers.localFile(id)
  if (!local) {
    throw new AppError('NOT_FOUND', 'This transfer has no local file (it is unknown or a remote upload).')
  }
  if (!local.finished && !reveal) {
    throw new AppError('NOT_FINISHED', 'The file can be opened once its download has finished.')
  }
  try {
    await access(local.path)
  } catch (error) {
    throw new AppError(
      'FILE_MISSING',
      `${local.path} is no longer there: it was moved or deleted after the transfer.`,
      { cause: error },
    )
  }
  if (reveal) {
    await opener.reveal(local.path)
    return { path: local.path }
  }
  const link = transfers.downloadLink(id)
  if (link !== null) {
    await writeMarkOfTheWeb(local.path, link, safety.platform)
    const name = basename(local.path)
    if (isRunnableFile(name)) {
      const confirmed = await safety.dialogs.confirmOpen({ path: local.path, name, origin: link })
      if (!confirmed) {
        throw new AppError('OPEN_DECLINED', `${name} was not opened: it is a program or a script.`)
      }
    }
  }
  await opener.open(local.path)
  return { path: local.path }
}
