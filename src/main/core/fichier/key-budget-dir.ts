import { createHash } from 'node:crypto'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Overrides where the per-key budgets live (tests give each run its own folder). */
export const KEYS_DIR_ENV = 'FICHIER_DESK_KEYS_DIR'

/**
 * The per-user folder every process of the user (the app and each `fichier` command) finds, so
 * that they share one API budget per key: `$XDG_STATE_HOME/fichier-desk/keys` (else
 * `~/.local/state/fichier-desk/keys`) on Linux, the app-data folder on macOS and Windows.
 */
export function defaultKeysDir(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env[KEYS_DIR_ENV]
  if (override) return override
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'fichier-desk', 'keys')
  if (platform === 'win32')
    return join(env['LOCALAPPDATA'] || join(homedir(), 'AppData', 'Local'), 'fichier-desk', 'keys')
  const xdg = env['XDG_STATE_HOME']
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'state'), 'fichier-desk', 'keys')
}

/** The folder name of one key's budget: a hash of the API base and the key, never the key itself. */
export function keyBudgetName(baseUrl: string, key: string): string {
  return createHash('sha256')
    .update(`${new URL(baseUrl).origin}\n${key}`)
    .digest('hex')
    .slice(0, 24)
}
