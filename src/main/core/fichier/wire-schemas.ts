import { z } from 'zod'
import { contentTypeOf, WireFlag, WireNumber, WireNumberOrNull, WireText, wireList } from './wire-types'

// One tolerant schema per answer, each turning 1fichier's snake_case into the camelCase results.

export const DownloadToken = z.object({ url: z.string().min(1) }).transform((r) => ({ url: r.url }))
export type DownloadToken = z.output<typeof DownloadToken>

const FileItemRaw = z.looseObject({
  url: z.string(),
  filename: WireText,
  size: WireNumberOrNull,
  date: WireText,
  checksum: WireText,
  pass: WireFlag,
  acl: z.unknown().optional(),
  cdn: WireFlag,
})

const aclIsSet = (acl: unknown): boolean => {
  if (acl === null || acl === undefined) return false
  if (typeof acl === 'object')
    return Object.values(acl).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(Number(v))))
  return Number(acl) !== 0 && acl !== false
}

/** One file in a listing. */
export const FileItem = FileItemRaw.transform((r) => ({
  url: r.url,
  name: r.filename ?? '',
  size: r.size ?? 0,
  date: r.date ?? '',
  checksum: r.checksum,
  contentType: contentTypeOf(r),
  protected: r.pass,
  restricted: aclIsSet(r.acl),
  cdn: r.cdn,
}))
export type FileItem = z.output<typeof FileItem>

export const FileList = z
  .looseObject({ count: WireNumberOrNull, items: wireList(FileItem) })
  .transform((r) => ({ count: r.count ?? r.items.length, items: r.items }))
export type FileList = z.output<typeof FileList>

const Acl = z
  .looseObject({
    ip: wireList(z.string()),
    country: wireList(z.string()),
    email: wireList(z.string()),
    premium: WireFlag,
  })
  .catch({ ip: [], country: [], email: [], premium: false })

export const FileInfo = FileItemRaw.extend({
  folder_id: WireNumberOrNull,
  path: WireText,
  description: WireText,
  no_ssl: WireFlag,
  inline: WireFlag,
}).transform((r) => ({
  url: r.url,
  name: r.filename ?? '',
  size: r.size ?? 0,
  date: r.date ?? '',
  folderId: r.folder_id,
  path: r.path ?? '',
  checksum: r.checksum,
  contentType: contentTypeOf(r),
  description: r.description ?? '',
  protected: r.pass,
  noSsl: r.no_ssl,
  inline: r.inline,
  cdn: r.cdn,
  acl: typeof r.acl === 'object' && r.acl !== null ? Acl.parse(r.acl) : null,
}))
export type FileInfo = z.output<typeof FileInfo>

export const RemoveResult = z
  .looseObject({ removed: WireNumberOrNull })
  .transform((r) => ({ removed: r.removed ?? 0 }))
export type RemoveResult = z.output<typeof RemoveResult>

export const MoveResult = z
  .looseObject({ moved: WireNumberOrNull, urls: wireList(z.string()), filename: WireText })
  .transform((r) => ({ moved: r.moved ?? r.urls.length, urls: r.urls, filename: r.filename }))
export type MoveResult = z.output<typeof MoveResult>

export const CopyResult = z
  .looseObject({
    copied: WireNumberOrNull,
    urls: wireList(z.looseObject({ from_url: z.string(), to_url: z.string() })),
    filename: WireText,
  })
  .transform((r) => ({
    copied: r.copied ?? r.urls.length,
    urls: r.urls.map((u) => ({ fromUrl: u.from_url, toUrl: u.to_url })),
    filename: r.filename,
  }))
export type CopyResult = z.output<typeof CopyResult>

export const RenameResult = z
  .looseObject({
    renamed: WireNumberOrNull,
    urls: wireList(z.looseObject({ url: z.string(), old_filename: WireText, new_filename: WireText })),
  })
  .transform((r) => ({
    renamed: r.renamed ?? r.urls.length,
    urls: r.urls.map((u) => ({ url: u.url, oldName: u.old_filename ?? '', newName: u.new_filename ?? '' })),
  }))
export type RenameResult = z.output<typeof RenameResult>

export const ChattrResult = z
  .looseObject({ updated: WireNumberOrNull, urls: wireList(z.unknown()) })
  .transform((r) => ({ updated: r.updated ?? 0 }))
export type ChattrResult = z.output<typeof ChattrResult>

export const ScanResult = z
  .looseObject({ status: WireText, message: WireText, date: WireText })
  .transform((r) => ({ clean: r.status === 'OK', message: r.message, date: r.date }))
export type ScanResult = z.output<typeof ScanResult>

const SubFolder = z
  .looseObject({ id: WireNumber, name: WireText, create_date: WireText, pass: WireFlag })
  .transform((r) => ({ id: r.id, name: r.name ?? '', createdAt: r.create_date, protected: r.pass }))

export const FolderListing = z
  .looseObject({
    folder_id: WireNumberOrNull,
    name: WireText,
    size: WireNumberOrNull,
    files: WireNumberOrNull,
    sub_folders: wireList(SubFolder),
    items: wireList(FileItem),
    shared: WireText,
    pass: WireFlag,
  })
  .transform((r) => ({
    folderId: r.folder_id ?? 0,
    name: r.name ?? '',
    size: r.size,
    fileCount: r.files ?? r.items.length,
    subFolders: r.sub_folders,
    items: r.items,
    sharedUrl: r.shared,
    protected: r.pass,
  }))
export type FolderListing = z.output<typeof FolderListing>

export const MakeFolderResult = z
  .looseObject({ folder_id: WireNumber, name: WireText })
  .transform((r) => ({ folderId: r.folder_id, name: r.name ?? '' }))
export type MakeFolderResult = z.output<typeof MakeFolderResult>

export const ShareResult = z
  .looseObject({ url: WireText, message: WireText })
  .transform((r) => ({ url: r.url, message: r.message }))
export type ShareResult = z.output<typeof ShareResult>

export const MoveFolderResult = z
  .looseObject({ old_name: WireText, new_name: WireText, message: WireText })
  .transform((r) => ({ oldName: r.old_name, newName: r.new_name, message: r.message }))
export type MoveFolderResult = z.output<typeof MoveFolderResult>

export const RemoveFolderResult = z
  .looseObject({ message: WireText })
  .transform((r) => ({ message: r.message }))
export type RemoveFolderResult = z.output<typeof RemoveFolderResult>

export const UserInfo = z
  .looseObject({
    email: WireText,
    offer: WireNumberOrNull,
    subscription_end: WireText,
    cdn: WireNumberOrNull,
    use_cdn: WireFlag,
    upload_forbidden: WireFlag,
    overquota: WireFlag,
    hot_storage: WireNumberOrNull,
    cold_storage: WireNumberOrNull,
    available_cold_storage: WireNumberOrNull,
    available_storage: WireNumberOrNull,
    default_domain: WireNumberOrNull,
    stats_date: WireText,
  })
  .transform((r) => ({
    email: r.email ?? '',
    offer: r.offer,
    subscriptionEnd: r.subscription_end,
    cdnCredits: r.cdn,
    useCdn: r.use_cdn,
    uploadForbidden: r.upload_forbidden,
    overQuota: r.overquota,
    hotStorage: r.hot_storage,
    coldStorage: r.cold_storage,
    availableColdStorage: r.available_cold_storage,
    availableStorage: r.available_storage,
    defaultDomain: r.default_domain,
    statsDate: r.stats_date,
  }))
export type UserInfo = z.output<typeof UserInfo>

/** `UserInfo` as read (camelCase), as kept in the shared per-key state between processes. */
export const StoredUserInfo = z.object({
  email: z.string(),
  offer: z.number().nullable(),
  subscriptionEnd: z.string().nullable(),
  cdnCredits: z.number().nullable(),
  useCdn: z.boolean(),
  uploadForbidden: z.boolean(),
  overQuota: z.boolean(),
  hotStorage: z.number().nullable(),
  coldStorage: z.number().nullable(),
  availableColdStorage: z.number().nullable(),
  availableStorage: z.number().nullable(),
  defaultDomain: z.number().nullable(),
  statsDate: z.string().nullable(),
}) satisfies z.ZodType<UserInfo>

export const UploadServer = z
  .looseObject({
    url: z.string().regex(/^[A-Za-z0-9.-]+(:\d+)?$/),
    id: z.string().regex(/^[A-Za-z0-9]{1,32}$/),
  })
  .transform((r) => ({ node: r.url, id: r.id }))
export type UploadServer = z.output<typeof UploadServer>

const UploadLink = z
  .looseObject({
    download: z.string().min(1),
    filename: WireText,
    size: WireNumberOrNull,
    whirlpool: WireText,
    remove: WireText,
  })
  .transform((r) => ({
    link: r.download,
    filename: r.filename ?? '',
    size: r.size,
    whirlpool: r.whirlpool,
    removeLink: r.remove ?? '',
  }))

export const UploadReport = z
  .looseObject({ incoming: WireFlag, links: wireList(UploadLink) })
  .transform((r) => ({ incoming: r.incoming, links: r.links }))
export type UploadReport = z.output<typeof UploadReport>

export const RemoteRequestResult = z.looseObject({ id: WireNumber }).transform((r) => ({ id: r.id }))
export type RemoteRequestResult = z.output<typeof RemoteRequestResult>

const NEVER = /^1970-01-01/
const isDone = (executionDate: string | null): boolean => executionDate !== null && !NEVER.test(executionDate)

const RemoteJob = z
  .looseObject({ id: WireNumber, request_date: WireText, execution_date: WireText })
  .transform((r) => ({
    id: r.id,
    requestDate: r.request_date,
    executionDate: r.execution_date,
    done: isDone(r.execution_date),
  }))
export type RemoteJob = z.output<typeof RemoteJob>

export const RemoteJobList = z.looseObject({ data: wireList(RemoteJob) }).transform((r) => r.data)

const RemoteResultEntry = z
  .looseObject({ status: WireText, url: WireText, download_link: WireText, message: WireText })
  .transform((r) => ({ ok: r.status === 'OK', url: r.url ?? '', link: r.download_link, message: r.message }))

export const RemoteJobInfo = z
  .looseObject({
    id: WireNumber,
    request_date: WireText,
    execution_date: WireText,
    links: wireList(z.unknown()),
    result: wireList(RemoteResultEntry),
  })
  .transform((r) => ({
    id: r.id,
    requestDate: r.request_date,
    executionDate: r.execution_date,
    links: r.links.filter((l): l is string => typeof l === 'string'),
    done: isDone(r.execution_date) || r.result.length > 0,
    results: r.result,
  }))
export type RemoteJobInfo = z.output<typeof RemoteJobInfo>

const PublicEntry = z
  .looseObject({
    filename: WireText,
    link: z.string(),
    size: WireNumberOrNull,
    password: WireFlag,
    acl: z.unknown().optional(),
  })
  .transform((r) => ({
    name: r.filename ?? '',
    link: r.link,
    size: r.size,
    protected: r.password,
    restricted: aclIsSet(r.acl),
  }))
export type PublicFolderEntry = z.output<typeof PublicEntry>

export const PublicFolder = z.array(PublicEntry)
