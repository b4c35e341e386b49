import { extname } from 'node:path'

/**
 * Extensions of files that run code when opened with their default application: programs,
 * installers, shortcuts and scripts of Windows, macOS and Linux. All of them count on every OS:
 * a file moves between machines, and one question too many costs a click.
 */
const RUNNABLE: ReadonlySet<string> = new Set(
  [
    // Windows
    'exe msi msp msix appx bat cmd com scr pif cpl lnk url reg ps1 psm1 vbs vbe js jse wsf wsh hta msc jar',
    'application appref-ms',
    // macOS
    'app command tool pkg mpkg dmg terminal workflow scpt',
    // Linux and Unix
    'sh bash zsh csh ksh run bin desktop appimage deb rpm py pl rb',
  ]
    .join(' ')
    .split(' '),
)

/** True when opening `name` could run a program or a script, so the user is asked first. */
export function isRunnableFile(name: string): boolean {
  return RUNNABLE.has(extname(name).slice(1).toLowerCase())
}
