import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { contentTypeFor } from './content-type'
import { newFileId, newRemoveCode } from './ids'
import type { EmulatorKey } from './options'
import type {
  AccountRecord,
  FileContent,
  FileRecord,
  FolderRecord,
  PersistedState,
  RemoteJob,
  UploadReport,
} from './records'
import { syntheticChunks, syntheticWhirlpool } from './synthetic'
import { whirlpoolOf } from './whirlpool'

export const ROOT_ID = 0

export interface NewFile {
  owner: string | null
  folderId: number
  name: string
  size: number
  content: FileContent
  checksum?: string
  pass?: string
  domain?: number
  createdAt?: number
}

/** Accounts, folders, files, upload reports and remote jobs; persisted as JSON beside the stored bytes. */
export class StateStore {
  readonly accounts = new Map<string, AccountRecord>()
  readonly folders = new Map<number, FolderRecord>()
  readonly files = new Map<string, FileRecord>()
  readonly uploads = new Map<string, UploadReport>()
  readonly remoteJobs = new Map<number, RemoteJob>()
  nextFolderId = 3_357_645
  nextRemoteId = 1_234_567
  private readonly statePath: string
  readonly blobDir: string

  constructor(readonly dataDir: string) {
    this.statePath = join(dataDir, 'state.json')
    this.blobDir = join(dataDir, 'blobs')
    mkdirSync(this.blobDir, { recursive: true })
    if (existsSync(this.statePath)) this.load()
  }

  private load(): void {
    const state = JSON.parse(readFileSync(this.statePath, 'utf8')) as PersistedState
    for (const account of state.accounts) this.accounts.set(account.key, account)
    for (const folder of state.folders) this.folders.set(folder.id, folder)
    for (const file of state.files) this.files.set(file.id, file)
    for (const upload of state.uploads) this.uploads.set(upload.xid, upload)
    for (const job of state.remoteJobs) this.remoteJobs.set(job.id, job)
    this.nextFolderId = state.nextFolderId
    this.nextRemoteId = state.nextRemoteId
  }

  /** Writes the state atomically (temp file + rename). */
  save(): void {
    const state: PersistedState = {
      version: 1,
      accounts: [...this.accounts.values()],
      folders: [...this.folders.values()],
      files: [...this.files.values()],
      uploads: [...this.uploads.values()],
      remoteJobs: [...this.remoteJobs.values()],
      nextFolderId: this.nextFolderId,
      nextRemoteId: this.nextRemoteId,
    }
    const temp = `${this.statePath}.tmp`
    writeFileSync(temp, JSON.stringify(state))
    renameSync(temp, this.statePath)
  }

  ensureAccount(entry: EmulatorKey): AccountRecord {
    const existing = this.accounts.get(entry.key)
    const tier = entry.tier ?? existing?.tier ?? 'premium'
    const email = entry.email ?? existing?.email ?? `user${this.accounts.size + 1}@example.com`
    const account: AccountRecord = existing ?? {
      key: entry.key,
      tier,
      email,
      cdnCredits: 0,
      subscriptionEnd: entry.subscriptionEnd ?? Date.now() + 365 * 86_400_000,
      settings: {
        ftp_mode: 0,
        ftp_did: 0,
        ftp_report: 0,
        ru_report: 0,
        default_domain: 0,
        page_limit: 100,
        default_port: 0,
        default_port_files: 0,
        use_cdn: 0,
        download_menu: 0,
      },
    }
    account.tier = tier
    account.email = email
    if (entry.subscriptionEnd !== undefined) account.subscriptionEnd = entry.subscriptionEnd
    this.accounts.set(entry.key, account)
    return account
  }

  accountByEmail(email: string): AccountRecord | undefined {
    const wanted = email.toLowerCase()
    return [...this.accounts.values()].find((account) => account.email.toLowerCase() === wanted)
  }

  /** A folder of `owner` (0 = root, which always exists), or undefined. */
  folderOf(owner: string, id: number): FolderRecord | undefined {
    if (id === ROOT_ID) return { id: ROOT_ID, owner, parentId: -1, name: 'Root', createdAt: 0, shares: [] }
    const folder = this.folders.get(id)
    return folder && folder.owner === owner ? folder : undefined
  }

  subFolders(owner: string, id: number): FolderRecord[] {
    return [...this.folders.values()].filter((folder) => folder.owner === owner && folder.parentId === id)
  }

  filesIn(owner: string, folderId: number): FileRecord[] {
    return [...this.files.values()].filter((file) => file.owner === owner && file.folderId === folderId)
  }

  filesOf(owner: string): FileRecord[] {
    return [...this.files.values()].filter((file) => file.owner === owner)
  }

  /** `a/b` for a folder (no leading slash; empty for the root). */
  folderPath(owner: string, id: number): string {
    const names: string[] = []
    let current = this.folderOf(owner, id)
    while (current && current.id !== ROOT_ID) {
      names.unshift(current.name)
      current = this.folderOf(owner, current.parentId)
    }
    return names.join('/')
  }

  /** True when `candidate` is `ancestor` or lies below it. */
  isWithin(owner: string, candidate: number, ancestor: number): boolean {
    let current = this.folderOf(owner, candidate)
    while (current) {
      if (current.id === ancestor) return true
      if (current.id === ROOT_ID) return false
      current = this.folderOf(owner, current.parentId)
    }
    return false
  }

  createFolder(owner: string, parentId: number, name: string, createdAt = Date.now()): FolderRecord {
    const folder: FolderRecord = { id: this.nextFolderId++, owner, parentId, name, createdAt, shares: [] }
    this.folders.set(folder.id, folder)
    return folder
  }

  addFile(input: NewFile): FileRecord {
    const file: FileRecord = {
      id: newFileId(),
      owner: input.owner,
      folderId: input.folderId,
      name: input.name,
      size: input.size,
      createdAt: input.createdAt ?? Date.now(),
      contentType: contentTypeFor(input.name),
      content: input.content,
      domain: input.domain ?? 0,
      description: '',
      noSsl: 0,
      inline: 0,
      cdn: 0,
      acl: null,
      removeCode: newRemoveCode(),
    }
    if (input.checksum !== undefined) file.checksum = input.checksum
    if (input.pass !== undefined && input.pass !== '') file.pass = input.pass
    this.files.set(file.id, file)
    return file
  }

  /** A new path for stored bytes (relative name inside the blob folder). */
  blobPath(blob: string): string {
    return join(this.blobDir, blob)
  }

  copyFile(source: FileRecord, owner: string, folderId: number, name: string): FileRecord {
    let content: FileContent = source.content
    if (source.content.kind === 'stored') {
      const blob = `${newFileId()}.bin`
      copyFileSync(this.blobPath(source.content.blob), this.blobPath(blob))
      content = { kind: 'stored', blob }
    }
    const copy = this.addFile({ owner, folderId, name, size: source.size, content, domain: source.domain })
    if (source.checksum !== undefined) copy.checksum = source.checksum
    return copy
  }

  removeFile(id: string): void {
    const file = this.files.get(id)
    if (!file) return
    this.files.delete(id)
    if (file.content.kind === 'stored') rmSync(this.blobPath(file.content.blob), { force: true })
  }

  /** Deletes a folder and (recursively) everything under it. */
  removeFolderTree(owner: string, id: number): void {
    for (const child of this.subFolders(owner, id)) this.removeFolderTree(owner, child.id)
    for (const file of this.filesIn(owner, id)) this.removeFile(file.id)
    this.folders.delete(id)
  }

  folderByDirId(dirId: string): FolderRecord | undefined {
    return [...this.folders.values()].find((folder) => folder.share?.dirId === dirId)
  }

  /** The file's bytes `[start, end)` as chunks. */
  async *read(file: FileRecord, start = 0, end = file.size): AsyncGenerator<Buffer> {
    if (end <= start) return
    if (file.content.kind === 'synthetic') {
      yield* syntheticChunks(file.content.seed, file.size, start, end)
      return
    }
    const stream = createReadStream(this.blobPath(file.content.blob), {
      start,
      end: end - 1,
      highWaterMark: 256 * 1024,
    })
    for await (const chunk of stream) yield chunk as Buffer
  }

  /** Whirlpool of the file, computed on first need and kept. */
  async checksumOf(file: FileRecord): Promise<string> {
    if (file.checksum) return file.checksum
    const checksum =
      file.content.kind === 'synthetic'
        ? await syntheticWhirlpool(file.content.seed, file.size)
        : await whirlpoolOf(this.read(file))
    file.checksum = checksum
    if (this.files.has(file.id)) this.save()
    return checksum
  }
}
