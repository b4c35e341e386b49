import type { FolderGrants } from './transfers/intake/folder-grants'

/** A downloaded file that could run code when opened (a program, an installer, a script…). */
export interface RiskyFile {
  path: string
  name: string
  /** The 1fichier link it came from, when known. */
  origin: string | null
}

/** Native dialogs the service may ask for; the Electron shell implements them. */
export interface DialogsPort {
  /** A local folder chosen by the user, or null when cancelled. */
  pickFolder(title?: string): Promise<string | null>
  /** Asks before a downloaded program or script is opened: true only when the user says to open it. */
  confirmOpen(file: RiskyFile): Promise<boolean>
}

/**
 * For plain Node (CLI, tests): answers with a fixed folder, or null as if cancelled, and a fixed
 * answer to "open this program?" (no, by default); remembers what it was asked to confirm.
 */
export function scriptedDialogs(
  folder: string | null = null,
  answers: { confirmOpen?: boolean } = {},
): DialogsPort & { confirmations: RiskyFile[] } {
  const confirmations: RiskyFile[] = []
  return {
    confirmations,
    pickFolder: async () => folder,
    confirmOpen: async (file) => {
      confirmations.push(file)
      return answers.confirmOpen ?? false
    },
  }
}

/** The same dialogs, with every folder the user picks granted to the window's download requests. */
export function grantingDialogs(dialogs: DialogsPort, grants: FolderGrants): DialogsPort {
  return {
    pickFolder: async (title) => {
      const folder = await dialogs.pickFolder(title)
      if (folder !== null) grants.add(folder)
      return folder
    },
    confirmOpen: (file) => dialogs.confirmOpen(file),
  }
}
