import { ApiRefusalError, badRequest, notFound } from './api-error'
import type { ApiCall, ApiHandler } from './api-call'
import { flagField, intField, stringField, type JsonBody } from './body-fields'
import { listingItem } from './file-views'
import { newDirId } from './ids'
import { parisTime } from './paris-time'
import type { FolderRecord, GroupShare } from './records'
import { ROOT_ID } from './state-store'
import { assertAcceptedName } from './reserved-names'

function ownFolder(call: ApiCall, id: number): FolderRecord {
  const folder = call.rt.store.folderOf(call.account.key, id)
  if (!folder) throw notFound()
  return folder
}

function publicUrl(folder: FolderRecord): string | undefined {
  return folder.share ? `https://1fichier.com/dir/${folder.share.dirId}` : undefined
}

const ls: ApiHandler = async (call) => {
  const { rt, account, body, now } = call
  const folder = ownFolder(call, intField(body, 'folder_id', ROOT_ID))
  if (
    !rt.limiter.allowInterval(
      `folder/ls:${account.key}:${folder.id}`,
      rt.limiter.options.folderListIntervalMs,
      now,
    )
  ) {
    rt.stats.rateLimited++
    throw new ApiRefusalError(403, 'Flood detected: IP Locked', 374)
  }
  const files = rt.store.filesIn(account.key, folder.id)
  const size = files.reduce((sum, file) => sum + file.size, 0)
  const subFolders = rt.store.subFolders(account.key, folder.id).map((child) => ({
    id: child.id,
    name: child.name,
    create_date: parisTime(child.createdAt),
    pass: child.pass !== undefined || child.share?.pass ? 1 : 0,
  }))
  const answer: Record<string, unknown> = {
    status: 'OK',
    folder_id: folder.id,
    name: folder.name,
    size: files.length === 0 ? null : size,
    files: files.length,
  }
  if (folder.id !== ROOT_ID) {
    answer.create_date = parisTime(folder.createdAt)
    answer.pass = folder.pass !== undefined || folder.share?.pass ? 1 : 0
    answer.shared = publicUrl(folder) ?? ''
    answer.shares = folder.shares
  }
  if (subFolders.length > 0 || rt.switches.emptyLists === 'empty') answer.sub_folders = subFolders
  if (flagField(body, 'files')) {
    const items = await Promise.all(files.map((file) => listingItem(rt, file)))
    if (items.length > 0 || rt.switches.emptyLists === 'empty') answer.items = items
  }
  return answer
}

const mkdir: ApiHandler = (call) => {
  const { rt, account, body } = call
  const name = stringField(body, 'name')
  if (!name?.trim()) throw badRequest('Folder name must be defined', 321)
  assertAcceptedName(name)
  if (name.length > 250) throw badRequest('Folder name too long', 322)
  const parent = ownFolder(call, intField(body, 'folder_id', ROOT_ID))
  if (
    rt.switches.mkdirDuplicates === 'refuse' &&
    rt.store.subFolders(account.key, parent.id).some((f) => f.name === name)
  ) {
    throw badRequest('Folder already exists', 323)
  }
  const folder = rt.store.createFolder(account.key, parent.id, name)
  rt.store.save()
  return { status: 'OK', folder_id: folder.id, name: folder.name }
}

function parseShares(value: unknown): GroupShare[] {
  if (!Array.isArray(value)) throw badRequest('Invalid shares', 324)
  return value.map((entry) => {
    const fields = (entry ?? {}) as JsonBody
    const email = stringField(fields, 'email')
    if (!email || !email.includes('@')) throw badRequest('Invalid email in shares', 325)
    const hideLinks = flagField(fields, 'hide_links')
    return { email, rw: hideLinks ? 0 : flagField(fields, 'rw'), hide_links: hideLinks }
  })
}

const share: ApiHandler = (call) => {
  const { rt, body } = call
  const folder = ownFolder(call, intField(body, 'folder_id', ROOT_ID))
  if (folder.id === ROOT_ID) throw badRequest('The root folder cannot be shared', 326)
  const pass = stringField(body, 'pass')
  if (pass !== undefined && pass !== '' && pass.length < 6)
    throw badRequest('Password must be at least 6 characters', 306)
  if ('share' in body) {
    if (flagField(body, 'share')) {
      folder.share = { dirId: folder.share?.dirId ?? newDirId() }
      if (pass) folder.share.pass = pass
    } else {
      delete folder.share
    }
  } else if (pass !== undefined && folder.share) {
    if (pass) folder.share.pass = pass
    else delete folder.share.pass
  }
  if ('shares' in body) folder.shares = parseShares(body.shares)
  rt.store.save()
  const url = publicUrl(folder)
  return url ? { status: 'OK', url } : { status: 'OK', message: 'Folder not publicly shared' }
}

const mv: ApiHandler = (call) => {
  const { rt, account, body } = call
  const folder = ownFolder(call, intField(body, 'folder_id', -2))
  if (folder.id === ROOT_ID) throw badRequest('The root folder cannot be moved', 327)
  const oldName = folder.name
  const rename = stringField(body, 'rename')
  assertAcceptedName(rename)
  if (rename !== undefined && rename !== '') {
    // The documented rule: with `rename`, the destination fields are ignored.
    folder.name = rename
    rt.store.save()
    return { status: 'OK', message: 'Folder renamed', old_name: oldName, new_name: rename }
  }
  const destination = ownFolder(call, intField(body, 'destination_folder_id', ROOT_ID))
  if (rt.store.isWithin(account.key, destination.id, folder.id))
    throw badRequest('Cannot move a folder into itself', 328)
  folder.parentId = destination.id
  rt.store.save()
  return { status: 'OK', message: 'Folder moved', old_name: oldName, new_name: folder.name }
}

const rm: ApiHandler = (call) => {
  const { rt, account, body } = call
  const folder = ownFolder(call, intField(body, 'folder_id', -2))
  if (folder.id === ROOT_ID) throw badRequest('The root folder cannot be removed', 329)
  const empty =
    rt.store.filesIn(account.key, folder.id).length === 0 &&
    rt.store.subFolders(account.key, folder.id).length === 0
  if (!empty && rt.switches.folderRmPolicy === 'refuse') throw badRequest('Folder is not empty', 330)
  rt.store.removeFolderTree(account.key, folder.id)
  rt.store.save()
  return { status: 'OK', message: 'Folder removed' }
}

export const folderHandlers: Record<string, ApiHandler> = {
  'folder/ls.cgi': ls,
  'folder/mkdir.cgi': mkdir,
  'folder/share.cgi': share,
  'folder/mv.cgi': mv,
  'folder/rm.cgi': rm,
}
