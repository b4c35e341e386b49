import { badRequest, type ApiRefusalError } from './api-error'

/**
 * Characters 1fichier refuses in names (rclone issue #3298; rclone's `backend/fichier/fichier.go`
 * encodes them): `\ < > " ' $` and the backquote, and spaces at either end. The message and number
 * are not documented anywhere: these are made up.
 */
const RESERVED = /[\\<>"'$`]/g

export function refusedName(name: string): boolean {
  return new RegExp(RESERVED.source).test(name) || name !== name.trim()
}

export function invalidName(): ApiRefusalError {
  return badRequest('Invalid name: forbidden characters', 340)
}

/** Refuses a name given to mkdir, rename or move (undefined and '' pass: they mean "no name"). */
export function assertAcceptedName(name: string | undefined): void {
  if (name !== undefined && name !== '' && refusedName(name)) throw invalidName()
}

/** What an upload node keeps of a file name: the refused characters are dropped. */
export function strippedName(name: string): string {
  return name.replace(RESERVED, '').trim()
}
