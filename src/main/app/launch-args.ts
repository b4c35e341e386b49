import { parseLink } from '../../shared/links'

export interface LaunchArgs {
  /** `transfers:add` text made of the 1fichier links found among the arguments, or null. */
  linksText: string | null
  /** Started by the login item: stay in the tray. */
  hidden: boolean
}

export const HIDDEN_FLAG = '--hidden'

/**
 * Reads a command line (`fichier-desk https://1fichier.com/?abc…`), our own or the one a second
 * instance forwards: the 1fichier file and folder links among the arguments, whatever else is there
 * (the executable, the app path, Chromium switches).
 */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const links: string[] = []
  let hidden = false
  for (const arg of argv) {
    if (arg === HIDDEN_FLAG) hidden = true
    if (arg.startsWith('-')) continue
    const match = parseLink(arg)
    if (match.kind !== 'rejected') links.push(arg.trim())
  }
  return { linksText: links.length > 0 ? links.join('\n') : null, hidden }
}
