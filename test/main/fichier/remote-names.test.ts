import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PREMIUM_KEY, startEmulated, type Emulated } from './emulated-client'

let env: Emulated
let dir: string
beforeAll(async () => {
  env = await startEmulated()
  dir = mkdtempSync(join(tmpdir(), 'fichier-names-'))
})
afterAll(async () => {
  await env.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('names with characters 1fichier refuses', () => {
  it('uploads, creates folders and renames under the mapped names, and finds them again', async () => {
    const { client, emulator } = env
    const local = join(dir, "it's $5.txt")
    writeFileSync(local, 'cheap')
    const folderId = await client.ensureFolderPath(0, [' "Quoted" '])
    expect(emulator.control.listFolders(PREMIUM_KEY).find((f) => f.id === folderId)?.name).toBe(
      '␠＂Quoted＂␠',
    )
    // The same local name finds the folder made before instead of making a second one.
    const again = env.makeClient()
    expect(await again.ensureFolderPath(0, [' "Quoted" '])).toBe(folderId)

    const uploaded = await client.upload({ path: local }, { folderId })
    const stored = emulator.control.listFiles(PREMIUM_KEY).find((f) => f.url === uploaded.link)
    expect(stored?.name).toBe('it＇s ＄5.txt')

    await client.renameFiles([{ url: uploaded.link, filename: '<final>.txt' }])
    expect(emulator.control.listFiles(PREMIUM_KEY).find((f) => f.url === uploaded.link)?.name).toBe(
      '＜final＞.txt',
    )
    await client.moveFolder(folderId, { rename: 'back\\slash' })
    expect(emulator.control.listFolders(PREMIUM_KEY).find((f) => f.id === folderId)?.name).toBe('back＼slash')
  })
})
