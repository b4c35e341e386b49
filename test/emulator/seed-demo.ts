import type { EmulatorControl } from './emulator-control'

/** A small realistic account: nested folders, files of several sizes, a protected file, a shared folder. */
export async function seedDemo(control: EmulatorControl, key: string): Promise<void> {
  const documents = control.createFolder({ key, name: 'Documents' })
  const invoices = control.createFolder({ key, parentId: documents.id, name: 'Invoices 2026' })
  const videos = control.createFolder({ key, name: 'Videos' })
  const shared = control.createFolder({ key, name: 'Shared photos' })
  const backups = control.createFolder({ key, name: 'Backups' })
  await control.createFile({
    key,
    name: 'readme.txt',
    content: 'Welcome to Fichier Desk.\nThis account is served by the local 1fichier emulator.\n',
  })
  await control.createFile({
    key,
    folderId: documents.id,
    name: 'report-2026.pdf',
    synthetic: { size: 482_133, seed: 11 },
  })
  await control.createFile({
    key,
    folderId: documents.id,
    name: 'notes.md',
    content: '# Notes\n\n- renew the subscription\n- sort the videos\n',
  })
  await control.createFile({
    key,
    folderId: invoices.id,
    name: 'invoice-0042.pdf',
    synthetic: { size: 91_244, seed: 12 },
  })
  await control.createFile({
    key,
    folderId: invoices.id,
    name: 'invoice-0043.pdf',
    synthetic: { size: 88_907, seed: 13 },
  })
  await control.createFile({
    key,
    folderId: videos.id,
    name: 'holiday-2025.mkv',
    synthetic: { size: 734_003_200, seed: 21 },
  })
  await control.createFile({
    key,
    folderId: videos.id,
    name: 'conference-talk.mp4',
    synthetic: { size: 268_435_456, seed: 22 },
  })
  await control.createFile({
    key,
    folderId: backups.id,
    name: 'laptop-backup.tar',
    synthetic: { size: 1_288_490_189, seed: 31 },
  })
  await control.createFile({
    key,
    folderId: backups.id,
    name: 'secret-keys.zip',
    synthetic: { size: 52_428, seed: 32 },
    password: 'demopass',
  })
  for (let i = 1; i <= 4; i++) {
    await control.createFile({
      key,
      folderId: shared.id,
      name: `IMG_20250${i}14.jpg`,
      synthetic: { size: 2_000_000 + i * 137_017, seed: 40 + i },
    })
  }
  control.shareFolder({ key, folderId: shared.id })
  // Compute the checksums in the background so listings answer at once.
  for (const file of control.listFiles(key)) void control.checksum(file.id).catch(() => undefined)
}
