import { randomInt } from 'node:crypto'

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function pick(alphabet: string, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

/** A file id as 1fichier mints them today: 20 lowercase alphanumerics. */
export function newFileId(): string {
  return pick(LOWER_ALNUM, 20)
}

/** An upload id (`get_upload_server.cgi` → `id`): 10 mixed-case alphanumerics. */
export function newUploadId(): string {
  return pick(MIXED_ALNUM, 10)
}

/** A public folder id for `/dir/<id>`. */
export function newDirId(): string {
  return pick(LOWER_ALNUM, 10)
}

/** A removal code for anonymous uploads. */
export function newRemoveCode(): string {
  return pick(MIXED_ALNUM, 12)
}

/** The digits of a download token (`p1058755667`). */
export function newTokenDigits(): string {
  return String(randomInt(1, 10)) + pick('0123456789', 9)
}
