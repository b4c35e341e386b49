import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import type { DialogsPort } from '../core/dialogs-port'
import type { DesktopText } from './desktop-text'
import type { QuitPrompt } from './quit-decision'

const TITLE = 'Fichier Desk'

async function ask(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const answer = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  return answer.response
}

/** "Add N links from the clipboard?" — true when the user says yes. */
export async function confirmAddLinks(
  parent: BrowserWindow | null,
  count: number,
  sample: string,
  t: DesktopText,
): Promise<boolean> {
  const response = await ask(parent, {
    type: 'question',
    title: TITLE,
    message: t('dialogs.addLinks', { count }),
    detail: sample.length > 400 ? `${sample.slice(0, 400)}…` : sample,
    buttons: [t('dialogs.add'), t('dialogs.notNow')],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  })
  return response === 0
}

export async function askQuit(parent: BrowserWindow | null, prompt: QuitPrompt): Promise<number> {
  return ask(parent, { type: 'question', title: TITLE, noLink: true, ...prompt })
}

/** Local paths chosen for upload (files, or one or more folders), empty when canceled. */
export async function chooseUploadPaths(
  parent: BrowserWindow | null,
  what: 'files' | 'folder',
  t: DesktopText,
): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: what === 'files' ? t('dialogs.uploadFiles') : t('dialogs.uploadFolder'),
    buttonLabel: t('dialogs.upload'),
    properties: what === 'files' ? ['openFile', 'multiSelections'] : ['openDirectory', 'multiSelections'],
  }
  const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return answer.canceled ? [] : answer.filePaths
}

export function showError(
  parent: BrowserWindow | null,
  message: string,
  detail: string,
  t: DesktopText,
): Promise<number> {
  return ask(parent, { type: 'error', title: TITLE, message, detail, buttons: [t('dialogs.ok')] })
}

/** The native folder picker behind `dialog:pickFolder`, and the question before a downloaded program runs. */
export function electronDialogs(parent: () => BrowserWindow | null, text: () => DesktopText): DialogsPort {
  return {
    async confirmOpen(file) {
      const t = text()
      const response = await ask(parent(), {
        type: 'warning',
        title: TITLE,
        message: t('dialogs.openProgram', { name: file.name }),
        detail: t('dialogs.openDetail', { origin: file.origin ?? t('dialogs.unknownLink'), path: file.path }),
        buttons: [t('dialogs.cancel'), t('dialogs.open')],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      })
      return response === 1
    },
    async pickFolder(title) {
      const options: Electron.OpenDialogOptions = {
        title: title ?? text()('dialogs.chooseFolder'),
        properties: ['openDirectory', 'createDirectory'],
      }
      const window = parent()
      const answer = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return answer.canceled ? null : (answer.filePaths[0] ?? null)
    },
  }
}
