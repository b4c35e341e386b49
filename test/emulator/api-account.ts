import { ApiRefusalError, badRequest, notFound } from './api-error'
import { processingPhase } from './processing'
import type { ApiHandler } from './api-call'
import { flagField, intField, stringField } from './body-fields'
import { assertReadable } from './file-access'
import { newTokenDigits } from './ids'
import { DOMAINS } from './options'
import { parisTime } from './paris-time'
import type { AccountSettings } from './records'
import { ROOT_ID } from './state-store'

const OFFER = { free: '0', premium: '1', access: '2' } as const
const STORAGE = 100 * 1024 ** 4

const FLAG_SETTINGS = [
  'ftp_mode',
  'ftp_report',
  'ru_report',
  'default_port',
  'default_port_files',
  'use_cdn',
  'download_menu',
] as const

const userInfo: ApiHandler = ({ rt, account, body, now }) => {
  if (!rt.limiter.allowInterval(`user/info:${account.key}`, rt.limiter.options.userInfoIntervalMs, now)) {
    rt.stats.rateLimited++
    throw new ApiRefusalError(403, 'Flood detected: IP Locked', 38)
  }
  const settings: AccountSettings = account.settings
  for (const name of FLAG_SETTINGS) if (name in body) settings[name] = flagField(body, name)
  if ('ftp_did' in body) {
    const did = intField(body, 'ftp_did', 0)
    if (!rt.store.folderOf(account.key, did)) throw notFound()
    settings.ftp_did = did
  }
  if ('default_domain' in body) {
    const domain = intField(body, 'default_domain', 0)
    if (DOMAINS[domain] === undefined) throw badRequest('Invalid domain', 340)
    settings.default_domain = domain
  }
  if ('page_limit' in body) settings.page_limit = intField(body, 'page_limit', settings.page_limit)
  rt.store.save()
  const used = rt.store.filesOf(account.key).reduce((sum, file) => sum + file.size, 0)
  return {
    status: 'OK',
    email: account.email,
    offer: OFFER[account.tier],
    subscription_end: account.tier === 'free' ? '' : parisTime(account.subscriptionEnd),
    '2fa': '0',
    mail_rm: '0',
    ftp_mode: String(settings.ftp_mode),
    ftp_did: settings.ftp_did,
    ftp_report: String(settings.ftp_report),
    ru_report: String(settings.ru_report),
    default_domain: settings.default_domain,
    page_limit: settings.page_limit,
    default_port: String(settings.default_port),
    default_port_files: String(settings.default_port_files),
    use_cdn: String(settings.use_cdn),
    cdn: account.cdnCredits.toFixed(2),
    download_menu: String(settings.download_menu),
    upload_forbidden: '0',
    default_quota: 0,
    default_cold_storage_quota: STORAGE,
    hot_storage: 0,
    cold_storage: used,
    allowed_cold_storage: STORAGE,
    available_storage: 0,
    available_cold_storage: STORAGE,
    overquota: 0,
    stats_date: parisTime(now),
  }
}

const getToken: ApiHandler = ({ rt, account, body, req, ip, now }) => {
  if (account.tier === 'free') throw new ApiRefusalError(403, 'Must be a customer (Premium, Access)', 236)
  const url = stringField(body, 'url')
  let file = url === undefined ? undefined : rt.resolveLink(url)
  if (url === undefined) {
    const filename = stringField(body, 'filename')
    const folderId = intField(body, 'folder_id', ROOT_ID)
    if (filename === undefined) throw badRequest('Url must be defined', 350)
    file = rt.store.filesIn(account.key, folderId).find((candidate) => candidate.name === filename)
  }
  if (!file) throw notFound()
  assertReadable(file, account, stringField(body, 'pass'), ip)
  // rclone retries get_token while `status` is not OK, even on HTTP 200 (backend/fichier/api.go).
  if (processingPhase(rt, file, now) === 'token') return { status: 'KO', message: 'File not ready yet' }
  const cdn = 'cdn' in body ? flagField(body, 'cdn') : account.settings.use_cdn
  const path = `${cdn ? 'c' : 'p'}${newTokenDigits()}`
  if (rt.tokens.size > 10_000) {
    for (const [name, token] of rt.tokens) if (token.expiresAt < now) rt.tokens.delete(name)
  }
  rt.tokens.set(path, {
    path,
    fileId: file.id,
    owner: account.key,
    expiresAt: now + rt.tokenTtlMs,
    single: flagField(body, 'single') === 1,
    used: false,
    inline: flagField(body, 'inline') === 1 || file.inline === 1,
    node: rt.nextDownloadNode(),
  })
  rt.stats.tokensIssued++
  const scheme = flagField(body, 'no_ssl') ? 'http' : rt.scheme
  return { status: 'OK', url: `${scheme}://${rt.nodeHost('a', req)}/${path}` }
}

export const accountHandlers: Record<string, ApiHandler> = {
  'user/info.cgi': userInfo,
  'download/get_token.cgi': getToken,
}
