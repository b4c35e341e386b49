import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseLaunchArgs } from '../../../src/main/app/launch-args'
import { applyStartAtLogin, autostartEntry } from '../../../src/main/app/start-at-login'

let home: string | undefined

afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true })
  home = undefined
})

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

describe('start at login', () => {
  it('on Linux writes an XDG autostart entry (minimized: with --hidden) and removes it when turned off', async () => {
    home = await mkdtemp(join(tmpdir(), 'fd-autostart-'))
    const target = {
      platform: 'linux',
      executable: '/opt/Fichier Desk/fichier-desk',
      configHome: home,
      setLoginItem: () => {
        throw new Error('not on Linux')
      },
    }
    const file = join(home, 'autostart', 'fichier-desk.desktop')

    await applyStartAtLogin({ startAtLogin: true, startMinimized: true }, target)
    const entry = await readFile(file, 'utf8')
    expect(entry).toContain('[Desktop Entry]')
    expect(entry).toContain('Exec="/opt/Fichier Desk/fichier-desk" --hidden')

    await applyStartAtLogin({ startAtLogin: true, startMinimized: false }, target)
    expect(await readFile(file, 'utf8')).toContain('Exec="/opt/Fichier Desk/fichier-desk"\n')

    await applyStartAtLogin({ startAtLogin: false, startMinimized: false }, target)
    expect(await exists(file)).toBe(false)
    await applyStartAtLogin({ startAtLogin: false, startMinimized: false }, target)
  })

  it('elsewhere hands Electron the login item, with the hidden flag the app understands', async () => {
    const given: unknown[] = []
    await applyStartAtLogin(
      { startAtLogin: true, startMinimized: true },
      {
        platform: 'win32',
        executable: 'C:\\Fichier Desk\\Fichier Desk.exe',
        configHome: '/nowhere',
        setLoginItem: (item) => given.push(item),
      },
    )
    expect(given).toEqual([{ openAtLogin: true, openAsHidden: true, args: ['--hidden'] }])
    expect(parseLaunchArgs(['Fichier Desk.exe', '--hidden']).hidden).toBe(true)
  })

  it('quotes an executable path with spaces or shell characters, and leaves a plain one alone', () => {
    expect(autostartEntry('/usr/bin/fichier-desk', false)).toContain('Exec=/usr/bin/fichier-desk\n')
    expect(autostartEntry('/home/a b/$x.AppImage', true)).toContain(
      'Exec="/home/a b/\\$x.AppImage" --hidden\n',
    )
  })
})
