/**
 * 1fichier refuses some characters in file and folder names (rclone issue #3298). Like rclone's
 * 1fichier backend (`backend/fichier/fichier.go`, its default encoder), names are sent with those
 * characters replaced by full-width look-alikes, and a leading or trailing space replaced by `␠`, so
 * that a tree uploaded by this app and one uploaded by rclone get the same names.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '\\': '\uFF3C', // ＼
  '<': '\uFF1C', // ＜
  '>': '\uFF1E', // ＞
  '"': '\uFF02', // ＂
  "'": '\uFF07', // ＇
  $: '\uFF04', // ＄
  '`': '\uFF40', // ｀
}

/** What replaces a space at either end of a name. */
const SPACE_SYMBOL = '\u2420' // ␠

/** The characters 1fichier refuses, as the user would read them. */
export const RESERVED_CHARACTERS = Object.keys(LOOK_ALIKES).join(' ')

/** The name as 1fichier accepts it. Names that need nothing come back unchanged (the same string). */
export function toRemoteName(name: string): string {
  let mapped = name.replace(/[\\<>"'$`]/g, (c) => LOOK_ALIKES[c] ?? c)
  if (mapped.startsWith(' ')) mapped = SPACE_SYMBOL + mapped.slice(1)
  if (mapped.length > 1 && mapped.endsWith(' ')) mapped = mapped.slice(0, -1) + SPACE_SYMBOL
  return mapped
}

/** Whether a remote name is the one a local name gets on 1fichier. */
export function sameRemoteName(local: string, remote: string): boolean {
  return remote === local || remote === toRemoteName(local)
}

/** A sentence for the user when a name had to change, or null when it did not. */
export function renamedNote(local: string): string | null {
  const remote = toRemoteName(local)
  if (remote === local) return null
  return `Named “${remote}” on 1fichier, which refuses ${RESERVED_CHARACTERS} and spaces at either end of a name.`
}
