/**
 * Which local files a request from the page may upload. In the desktop app the page names files the user
 * dropped or picked on this machine: any readable file. Served to a browser, the page may name only files
 * inside the folders the server shares (and those it streamed into the staging folder).
 */
export interface UploadSourcesPort {
  /** Resolves when `path` may be uploaded; rejects with an AppError that says why not. */
  admit(path: string): Promise<void>
}

export const anyUploadSource: UploadSourcesPort = { admit: async () => undefined }
