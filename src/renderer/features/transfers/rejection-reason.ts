/** The reasons the link parser and the app give for a line they did not take, as translation keys. */
export type RejectionKey =
  | 'notDomain'
  | 'scheme'
  | 'missingFolderId'
  | 'folderIdCharacters'
  | 'notFileOrFolder'
  | 'missingFileId'
  | 'directLink'
  | 'notPublic'
  | 'fileIdCharacters'
  | 'tooShort'
  | 'tooLong'
  | 'noLink'
  | 'folderEmpty'

export interface RejectionReason {
  key: RejectionKey
  /** The details the sentence carries (a host, an id, a length…). */
  values: Record<string, string>
}

const PATTERNS: readonly [RegExp, RejectionKey, readonly string[]][] = [
  [/^not a 1fichier domain \((.*)\)$/s, 'notDomain', ['host']],
  [/^unsupported scheme (.*):\/\/$/s, 'scheme', ['scheme']],
  [/^missing folder id$/, 'missingFolderId', []],
  [/^invalid characters in folder id "(.*)"$/s, 'folderIdCharacters', ['id']],
  [/^not a file or folder link \(path (.*)\)$/s, 'notFileOrFolder', ['path']],
  [/^missing file id$/, 'missingFileId', []],
  [/^direct download link \((.*)\), not a public file link$/s, 'directLink', ['host']],
  [/^not a public file link \((.*)\)$/s, 'notPublic', ['host']],
  [/^invalid characters in file id "(.*)"$/s, 'fileIdCharacters', ['id']],
  [/^id too short \((\d+) characters, (\d+)–(\d+) expected\)$/, 'tooShort', ['length', 'min', 'max']],
  [/^id too long \((\d+) characters, (\d+)–(\d+) expected\)$/, 'tooLong', ['length', 'min', 'max']],
  [/^no 1fichier link found$/, 'noLink', []],
  [/^This folder is empty\.$/, 'folderEmpty', []],
]

/**
 * The translation key (and its details) of a rejection reason written in English by the link parser
 * or the app; null for a reason it does not know, which is then shown as written.
 */
export function rejectionReason(reason: string): RejectionReason | null {
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(reason)
    if (!match) continue
    const values: Record<string, string> = {}
    names.forEach((name, index) => (values[name] = match[index + 1] ?? ''))
    return { key, values }
  }
  return null
}
