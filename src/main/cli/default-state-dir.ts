import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the command line keeps its queue and settings: `$XDG_STATE_HOME/fichier-desk` (else
 * `~/.local/state/fichier-desk`) on Linux; the app-data folder on macOS and Windows, in a `cli`
 * folder of its own so that it never shares the desktop app's queue. The key budgets (pace, flood
 * pause…) are shared with the app instead: see `defaultKeysDir`.
 */
export function defaultStateDir(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'fichier-desk', 'cli')
  if (platform === 'win32')
    return join(env['LOCALAPPDATA'] || join(homedir(), 'AppData', 'Local'), 'fichier-desk', 'cli')
  const xdg = env['XDG_STATE_HOME']
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'state'), 'fichier-desk')
}
