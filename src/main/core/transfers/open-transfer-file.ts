import { access } from 'node:fs/promises'
import { AppError } from '../lib/app-error'
import type { FileOpenerPort } from '../file-opener-port'

export interface TransferFiles {
  localFile(id: string): { path: string; finished: boolean } | undefined
}

/**
 * Opens (or reveals) the local file of a transfer: only a finished one can be opened, while any
 * download's folder can be shown. A file that was moved or deleted since is reported as such.
 */
export async function openTransferFile(
  transfers: TransferFiles,
  opener: FileOpenerPort,
  id: string,
  reveal: boolean,
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
  await (reveal ? opener.reveal(local.path) : opener.open(local.path))
  return { path: local.path }
}
