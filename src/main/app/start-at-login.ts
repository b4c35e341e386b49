import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { HIDDEN_FLAG } from './launch-args'
import { loginItemSettings } from './login-item'

export interface StartAtLoginTarget {
  platform: string
  /** The command that starts the app: the AppImage file when run from one, else the executable. */
  executable: string
  /** `$XDG_CONFIG_HOME`, or `~/.config`. */
  configHome: string
  /** macOS and Windows: Electron's own login item. */
  setLoginItem: (settings: ReturnType<typeof loginItemSettings>) => void
}

const ENTRY = 'fichier-desk.desktop'

/** The XDG autostart entry (freedesktop Desktop Entry) starting the app at login. */
export function autostartEntry(executable: string, hidden: boolean): string {
  const quoted = /[\s"'\\$`]/.test(executable) ? `"${executable.replace(/(["\\$`])/g, '\\$1')}"` : executable
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Fichier Desk',
    'Comment=Transfer manager for 1fichier',
    `Exec=${quoted}${hidden ? ` ${HIDDEN_FLAG}` : ''}`,
    'Icon=fichier-desk',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/**
 * Applies the start-at-login and start-minimized settings: Electron's login item on macOS and
 * Windows, an XDG autostart entry on Linux (which Electron does not handle).
 */
export async function applyStartAtLogin(
  settings: { startAtLogin: boolean; startMinimized: boolean },
  target: StartAtLoginTarget,
): Promise<void> {
  if (target.platform !== 'linux') {
    target.setLoginItem(loginItemSettings(settings))
    return
  }
  const folder = join(target.configHome, 'autostart')
  const file = join(folder, ENTRY)
  if (!settings.startAtLogin) {
    await rm(file, { force: true })
    return
  }
  await mkdir(folder, { recursive: true })
  await writeFile(file, autostartEntry(target.executable, settings.startMinimized), { mode: 0o644 })
}
