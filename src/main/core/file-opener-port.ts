import { AppError } from './lib/app-error'

/** Hands a local file to the desktop: open it with its application, or show it in the file manager. */
export interface FileOpenerPort {
  open(path: string): Promise<void>
  reveal(path: string): Promise<void>
}

/** Where there is no desktop (the CLI, a server): every request says so. */
export const noFileOpener: FileOpenerPort = {
  open: () => Promise.reject(unavailable()),
  reveal: () => Promise.reject(unavailable()),
}

function unavailable(): AppError {
  return new AppError('UNSUPPORTED', 'Opening files is only possible in the desktop app.')
}

/** For tests: remembers what it was asked to open, in order. */
export function recordingFileOpener(): FileOpenerPort & { requests: { path: string; reveal: boolean }[] } {
  const requests: { path: string; reveal: boolean }[] = []
  return {
    requests,
    open: async (path) => void requests.push({ path, reveal: false }),
    reveal: async (path) => void requests.push({ path, reveal: true }),
  }
}
