/** Native dialogs the service may ask for; the Electron shell implements them. */
export interface DialogsPort {
  /** A local folder chosen by the user, or null when cancelled. */
  pickFolder(title?: string): Promise<string | null>
}

/** For plain Node (CLI, tests): answers with a fixed folder, or null as if cancelled. */
export function scriptedDialogs(folder: string | null = null): DialogsPort {
  return { pickFolder: async () => folder }
}
