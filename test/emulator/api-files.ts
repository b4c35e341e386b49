import { ApiRefusalError, badRequest, notFound } from './api-error'
import type { ApiCall, ApiHandler } from './api-call'
import { flagField, intField, stringField, stringList, type JsonBody } from './body-fields'
import { assertOwned, assertReadable } from './file-access'
import { infoView, listingItem } from './file-views'
import { parisTime, parseParisTime } from './paris-time'
import type { AclRecord, FileRecord } from './records'
import type { EmulatorRuntime } from './runtime'
import { ROOT_ID } from './state-store'
import { assertAcceptedName } from './reserved-names'

function floodListing(): ApiRefusalError {
  return new ApiRefusalError(403, 'Flood detected: IP Locked', 374)
}

function resolveOrFail(rt: EmulatorRuntime, url: string | undefined): FileRecord {
  const file = url === undefined ? undefined : rt.resolveLink(url)
  if (!file) throw notFound()
  return file
}

function ownedTarget(call: ApiCall, folderId: number): number {
  if (!call.rt.store.folderOf(call.account.key, folderId)) throw notFound()
  return folderId
}

const info: ApiHandler = async ({ rt, account, body, ip, now }) => {
  rt.fileInfoBursts.hit(account.key, now, rt.switches.fileInfoBurst)
  const file = resolveOrFail(rt, stringField(body, 'url'))
  assertReadable(file, account, stringField(body, 'pass'), ip)
  return infoView(rt, file)
}

const ls: ApiHandler = async ({ rt, account, body, now }) => {
  const folderId = intField(body, 'folder_id', ROOT_ID)
  const all = folderId === -1
  const limits = rt.limiter.options
  const limitKey = all ? `file/ls-all:${account.key}` : `file/ls:${account.key}:${folderId}`
  if (!all && !rt.store.folderOf(account.key, folderId)) throw notFound()
  if (
    !rt.limiter.allowInterval(
      limitKey,
      all ? limits.allFilesListIntervalMs : limits.folderListIntervalMs,
      now,
    )
  ) {
    rt.stats.rateLimited++
    throw floodListing()
  }
  const before = stringField(body, 'sent_before')
  const after = stringField(body, 'sent_after')
  const beforeMs = before === undefined ? undefined : parseParisTime(before)
  const afterMs = after === undefined ? undefined : parseParisTime(after)
  const files = (all ? rt.store.filesOf(account.key) : rt.store.filesIn(account.key, folderId)).filter(
    (file) =>
      (beforeMs === undefined || file.createdAt < beforeMs) &&
      (afterMs === undefined || file.createdAt > afterMs),
  )
  const items = await Promise.all(files.map((file) => listingItem(rt, file)))
  const answer: Record<string, unknown> = { status: 'OK', count: items.length }
  if (items.length > 0 || rt.switches.emptyLists === 'empty') answer.items = items
  return answer
}

const scanned = new WeakMap<FileRecord, number>()
const SCAN_CACHE_MS = 6 * 3_600_000
const scan: ApiHandler = ({ rt, account, body, ip, now }) => {
  const file = resolveOrFail(rt, stringField(body, 'url'))
  assertReadable(file, account, stringField(body, 'pass'), ip)
  if (file.size >= 5 * 1024 ** 3) throw badRequest('File too big for an antivirus scan', 641)
  const last = scanned.get(file)
  if (last !== undefined && now - last < SCAN_CACHE_MS) {
    return { status: 'OK', date: parisTime(last) }
  }
  scanned.set(file, now)
  return { status: 'OK' }
}

const rm: ApiHandler = ({ rt, account, body }) => {
  const entries = body.files
  if (!Array.isArray(entries) || entries.length === 0) throw badRequest('Files must be defined', 301)
  let removed = 0
  const urls: string[] = []
  for (const entry of entries) {
    const fields = (typeof entry === 'string' ? { url: entry } : (entry ?? {})) as JsonBody
    const file = rt.resolveLink(stringField(fields, 'url') ?? '')
    if (!file) continue
    const code = stringField(fields, 'code')
    if (file.owner !== account.key && !(file.owner === null && code === file.removeCode)) continue
    urls.push(rt.fileLink(file))
    rt.store.removeFile(file.id)
    removed++
  }
  rt.store.save()
  return { status: 'OK', removed, urls }
}

const mv: ApiHandler = (call) => {
  const { rt, account, body } = call
  const urls = stringList(body, 'urls')
  if (urls.length === 0) throw badRequest('Urls must be defined', 302)
  if (body.destination_folder_id === undefined || body.destination_folder_id === null) {
    throw badRequest('destination_folder_id must be defined', 303)
  }
  const destination = ownedTarget(call, intField(body, 'destination_folder_id', ROOT_ID))
  const rename = stringField(body, 'rename')
  if (rename !== undefined && urls.length > 1) throw badRequest('Rename is only possible with one file', 304)
  assertAcceptedName(rename)
  const files = urls.map((url) => resolveOrFail(rt, url))
  files.forEach((file) => assertOwned(file, account))
  if (rename !== undefined && files[0]?.name === rename)
    throw new ApiRefusalError(200, 'No file has been moved', 313)
  for (const file of files) {
    file.folderId = destination
    if (rename !== undefined && rename !== '') file.name = rename
  }
  rt.store.save()
  const answer: Record<string, unknown> = {
    status: 'OK',
    moved: files.length,
    urls: files.map((file) => rt.fileLink(file)),
  }
  if (rename !== undefined) answer.filename = rename
  return answer
}

const rename: ApiHandler = ({ rt, account, body }) => {
  const entries = body.urls
  if (!Array.isArray(entries) || entries.length === 0) throw badRequest('Urls must be defined', 302)
  const urls: Record<string, unknown>[] = []
  for (const entry of entries) {
    const fields = (entry ?? {}) as JsonBody
    const file = rt.resolveLink(stringField(fields, 'url') ?? '')
    const filename = stringField(fields, 'filename')
    assertAcceptedName(filename)
    if (!file || file.owner !== account.key || !filename || filename === file.name) continue
    urls.push({ url: rt.fileLink(file), old_filename: file.name, new_filename: filename })
    file.name = filename
  }
  if (urls.length === 0) throw new ApiRefusalError(200, 'No file has been renamed', 312)
  rt.store.save()
  return { status: 'OK', renamed: urls.length, urls }
}

const cp: ApiHandler = (call) => {
  const { rt, account, body, ip } = call
  const urls = stringList(body, 'urls')
  if (urls.length === 0) throw badRequest('Urls must be defined', 302)
  const folderId = ownedTarget(call, intField(body, 'folder_id', ROOT_ID))
  const rename = stringField(body, 'rename')
  if (rename !== undefined && urls.length > 1) throw badRequest('Rename is only possible with one file', 304)
  assertAcceptedName(rename)
  const pass = stringField(body, 'pass')
  const files = urls.map((url) => resolveOrFail(rt, url))
  files.forEach((file) => assertReadable(file, account, pass, ip))
  const pairs = files.map((file) => {
    const copy = rt.store.copyFile(file, account.key, folderId, rename || file.name)
    return { from_url: rt.fileLink(file), to_url: rt.fileLink(copy) }
  })
  rt.store.save()
  const answer: Record<string, unknown> = { status: 'OK', copied: pairs.length, urls: pairs }
  if (rename !== undefined) answer.filename = rename
  return answer
}

function parseAcl(value: unknown): AclRecord | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return null
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('Invalid acl', 305)
  const fields = value as JsonBody
  const acl: AclRecord = {
    ip: stringList(fields, 'ip'),
    country: stringList(fields, 'country'),
    email: stringList(fields, 'email'),
    premium: flagField(fields, 'premium'),
  }
  return acl.ip.length + acl.country.length + acl.email.length + acl.premium === 0 ? null : acl
}

const chattr: ApiHandler = ({ rt, account, body }) => {
  const urls = stringList(body, 'urls')
  if (urls.length === 0) throw badRequest('Urls must be defined', 302)
  const files = urls.map((url) => resolveOrFail(rt, url))
  files.forEach((file) => assertOwned(file, account))
  const filename = stringField(body, 'filename')
  if (filename !== undefined && files.length > 1)
    throw badRequest('Rename is only possible with one file', 304)
  assertAcceptedName(filename)
  const pass = stringField(body, 'pass')
  if (pass !== undefined && pass !== '' && pass.length < 6)
    throw badRequest('Password must be at least 6 characters', 306)
  const description = stringField(body, 'description')
  const acl = 'acl' in body ? parseAcl(body.acl) : undefined
  for (const file of files) {
    if (filename) file.name = filename
    if (description !== undefined) file.description = description
    if (pass === '') delete file.pass
    else if (pass !== undefined) file.pass = pass
    if ('no_ssl' in body) file.noSsl = flagField(body, 'no_ssl')
    if ('inline' in body) file.inline = flagField(body, 'inline')
    if ('cdn' in body) file.cdn = flagField(body, 'cdn')
    if (acl !== undefined) file.acl = acl
  }
  rt.store.save()
  return { status: 'OK', updated: files.length, urls: files.map((file) => rt.fileLink(file)) }
}

export const fileHandlers: Record<string, ApiHandler> = {
  'file/info.cgi': info,
  'file/ls.cgi': ls,
  'file/scan.cgi': scan,
  'file/rm.cgi': rm,
  'file/mv.cgi': mv,
  'file/rename.cgi': rename,
  'file/cp.cgi': cp,
  'file/chattr.cgi': chattr,
}
