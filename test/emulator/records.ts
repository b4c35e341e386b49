import type { Tier } from './options'

export interface AccountSettings {
  ftp_mode: number
  ftp_did: number
  ftp_report: number
  ru_report: number
  default_domain: number
  page_limit: number
  default_port: number
  default_port_files: number
  use_cdn: number
  download_menu: number
}

export interface AccountRecord {
  key: string
  tier: Tier
  email: string
  settings: AccountSettings
  cdnCredits: number
  subscriptionEnd: number
}

export interface GroupShare {
  email: string
  rw: number
  hide_links: number
}

export interface FolderRecord {
  id: number
  owner: string
  parentId: number
  name: string
  createdAt: number
  /** Folder password (shown as `pass: 1` in listings, asked by `/dir/<id>` when shared). */
  pass?: string
  /** Public share (`/dir/<dirId>`), with an optional password. */
  share?: { dirId: string; pass?: string }
  shares: GroupShare[]
}

export interface AclRecord {
  ip: string[]
  country: string[]
  email: string[]
  premium: number
}

export type FileContent = { kind: 'stored'; blob: string } | { kind: 'synthetic'; seed: number }

export interface FileRecord {
  id: string
  /** Owning account key; null for anonymous uploads. */
  owner: string | null
  folderId: number
  name: string
  size: number
  createdAt: number
  contentType: string
  content: FileContent
  checksum?: string
  pass?: string
  domain: number
  description: string
  noSsl: number
  inline: number
  cdn: number
  acl: AclRecord | null
  removeCode: string
  /** Until this time (epoch ms) a fresh upload is still being processed and cannot be downloaded. */
  readyAt?: number
}

export interface UploadReport {
  xid: string
  createdAt: number
  fileIds: string[]
  incoming: number
  /** Upload made without an account: `remove` links are filled. */
  anonymous: boolean
}

export interface RemoteResult {
  status: 'OK' | 'KO'
  url: string
  download_link: string
  message: string
}

export interface RemoteJob {
  id: number
  owner: string
  requestedAt: number
  executedAt?: number
  urls: string[]
  headers: Record<string, string>
  folderId: number
  result: RemoteResult[]
}

export interface PersistedState {
  version: 1
  accounts: AccountRecord[]
  folders: FolderRecord[]
  files: FileRecord[]
  uploads: UploadReport[]
  remoteJobs: RemoteJob[]
  nextFolderId: number
  nextRemoteId: number
}
