import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import type { DialogsPort } from '../core/dialogs-port'
import type { QuitPrompt } from './quit-decision'

async function ask(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const answer = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  return answer.response
}

/** "Add N links from the clipboard?" — true when the user says yes. */
export async function confirmAddLinks(
  parent: BrowserWindow | null,
  count: number,
  sample: string,
): Promise<boolean> {
  const response = await ask(parent, {
    type: 'question',
    title: 'Fichier Desk',
    message: `Add ${count} 1fichier link${count === 1 ? '' : 's'} from the clipboard?`,
    detail: sample.length > 400 ? `${sample.slice(0, 400)}…` : sample,
    buttons: ['Add', 'Not now'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  })
  return response === 0
}

export async function askQuit(parent: BrowserWindow | null, prompt: QuitPrompt): Promise<number> {
  return ask(parent, { type: 'question', title: 'Fichier Desk', noLink: true, ...prompt })
}

/** Local paths chosen for upload (files, or one or more folders), empty when canceled. */
export async function chooseUploadPaths(
  parent: BrowserWindow | null,
  what: 'files' | 'folder',
): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: what === 'files' ? 'Upload files to 1fichier' : 'Upload a folder to 1fichier',
    buttonLabel: 'Upload',
    properties: what === 'files' ? ['openFile', 'multiSelections'] : ['openDirectory', 'multiSelections'],
  }
  const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return answer.canceled ? [] : answer.filePaths
}

export function showError(parent: BrowserWindow | null, message: string, detail: string): Promise<number> {
  return ask(parent, { type: 'error', title: 'Fichier Desk', message, detail, buttons: ['OK'] })
}

/** The native folder picker behind `dialog:pickFolder`, and the question before a downloaded program runs. */
export function electronDialogs(parent: () => BrowserWindow | null): DialogsPort {
  return {
    async confirmOpen(file) {
      const response = await ask(parent(), {
        type: 'warning',
        title: 'Fichier Desk',
        message: `Open ${file.name}? It is a program or a script downloaded from the Internet.`,
        detail:
          `Downloaded from: ${file.origin ?? 'an unknown link'}\nSaved as: ${file.path}\n\n` +
          'Opening it runs it with your rights. Open it only if you trust the person who shared it.',
        buttons: ['Cancel', 'Open'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      })
      return response === 1
    },
    async pickFolder(title) {
      const options: Electron.OpenDialogOptions = {
        title: title ?? 'Choose a folder',
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
