import { shell } from 'electron'
import type { FileOpenerPort } from '../core/file-opener-port'
import { AppError } from '../core/lib/app-error'

/** Opens files with the system's default application and shows them in the file manager. */
export const electronFileOpener: FileOpenerPort = {
  async open(path) {
    // Electron answers an error message, or '' once the file was handed over.
    const problem = await shell.openPath(path)
    if (problem) throw new AppError('OPEN_FAILED', `The system could not open ${path}: ${problem}`)
  },
  async reveal(path) {
    shell.showItemInFolder(path)
  },
}
