import { open } from 'node:fs/promises'

/** Makes a rename or a file creation in `dir` durable. Windows cannot open a folder to flush it (NTFS journals the rename itself). */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
