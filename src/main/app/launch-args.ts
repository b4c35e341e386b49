import { parseLink } from '../../shared/links'

export interface LaunchArgs {
  /** `transfers:add` text made of the 1fichier links found among the arguments, or null. */
  linksText: string | null
  /** Started by the login item: stay in the tray. */
  hidden: boolean
  /** `--api-url=URL`: the API base for this run (wins over FICHIER_API_URL), or null. */
  apiUrl: string | null
}

export const HIDDEN_FLAG = '--hidden'
export const API_URL_FLAG = '--api-url'

/**
 * Reads a command line (`fichier-desk https://1fichier.com/?abc…`), our own or the one a second
 * instance forwards: the 1fichier file and folder links among the arguments, whatever else is there
 * (the executable, the app path, Chromium switches).
 */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const links: string[] = []
  let hidden = false
  let apiUrl: string | null = null
  for (const arg of argv) {
    if (arg === HIDDEN_FLAG) hidden = true
    if (arg.startsWith(`${API_URL_FLAG}=`)) apiUrl = arg.slice(API_URL_FLAG.length + 1)
    if (arg.startsWith('-')) continue
    const match = parseLink(arg)
    if (match.kind !== 'rejected') links.push(arg.trim())
  }
  return { linksText: links.length > 0 ? links.join('\n') : null, hidden, apiUrl }
}
