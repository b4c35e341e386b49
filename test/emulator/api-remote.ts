import { ApiRefusalError, badRequest, notFound } from './api-error'
import type { ApiHandler } from './api-call'
import { intField, stringList, type JsonBody } from './body-fields'
import { NEVER, parisTime } from './paris-time'
import type { RemoteJob } from './records'
import type { EmulatorRuntime } from './runtime'
import { ROOT_ID } from './state-store'
import { storeFromStream } from './store-upload'

const HEADER_NAME = /^[A-Za-z0-9-]+$/
const HEADER_VALUE = /^[A-Za-z0-9\-_+=%?,'"/]([A-Za-z0-9 \t\-_+=%?,'"/]*[A-Za-z0-9\-_+=%?,'"/])?$/

function normalizeHeaders(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('Invalid headers', 360)
  const headers: Record<string, string> = {}
  for (const [name, raw] of Object.entries(value as JsonBody)) {
    const text = String(raw)
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(text)) throw badRequest('Invalid headers', 360)
    const normalized = name
      .toLowerCase()
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('-')
    headers[normalized] = text
  }
  return headers
}

function nameFromUrl(url: string, disposition: string | null): string {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star?.[1]) return decodeURIComponent(star[1])
  const plain = disposition && /filename="?([^";]+)"?/i.exec(disposition)
  if (plain?.[1]) return plain[1]
  const last = new URL(url).pathname.split('/').filter(Boolean).pop()
  return last ? decodeURIComponent(last) : 'download'
}

/** Fetches every URL of a job into the owner's folder, then stamps `execution_date`. */
export async function runRemoteJob(rt: EmulatorRuntime, job: RemoteJob): Promise<void> {
  for (const url of job.urls) {
    try {
      const response = await fetch(url, { headers: job.headers })
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
      const name = nameFromUrl(url, response.headers.get('content-disposition'))
      const file = await storeFromStream(rt, response.body, {
        owner: job.owner,
        folderId: job.folderId,
        name,
      })
      job.result.push({ status: 'OK', url, download_link: rt.fileLink(file), message: '' })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      job.result.push({
        status: 'KO',
        url,
        download_link: '',
        message: `Unable to download the file: ${reason}`,
      })
    }
  }
  job.executedAt = Date.now()
  rt.store.save()
}

const request: ApiHandler = ({ rt, account, body, now }) => {
  if (account.tier === 'free') throw new ApiRefusalError(403, 'Must be a customer (Premium, Access)', 200)
  const urls = stringList(body, 'urls')
  if (urls.length === 0) throw badRequest('Urls must be defined', 302)
  for (const url of urls) if (!/^https?:\/\//i.test(url)) throw badRequest('Invalid url', 361)
  const headers = normalizeHeaders(body.headers)
  const folderId = intField(body, 'folder_id', ROOT_ID)
  if (!rt.store.folderOf(account.key, folderId)) throw notFound()
  const job: RemoteJob = {
    id: rt.store.nextRemoteId++,
    owner: account.key,
    requestedAt: now,
    urls,
    headers,
    folderId,
    result: [],
  }
  rt.store.remoteJobs.set(job.id, job)
  rt.store.save()
  setTimeout(() => void runRemoteJob(rt, job), rt.switches.remoteDelayMs).unref()
  return { status: 'OK', id: job.id, date: parisTime(now), urls, headers }
}

const ls: ApiHandler = ({ rt, account }) => ({
  status: 'OK',
  data: [...rt.store.remoteJobs.values()]
    .filter((job) => job.owner === account.key)
    .map((job) => ({
      id: job.id,
      request_date: parisTime(job.requestedAt),
      execution_date: job.executedAt === undefined ? NEVER : parisTime(job.executedAt),
    })),
})

const info: ApiHandler = ({ rt, account, body }) => {
  const job = rt.store.remoteJobs.get(intField(body, 'id', -1))
  if (!job || job.owner !== account.key) throw notFound()
  return {
    status: 'OK',
    id: job.id,
    request_date: parisTime(job.requestedAt),
    execution_date: job.executedAt === undefined ? NEVER : parisTime(job.executedAt),
    links: job.urls,
    result: job.executedAt === undefined ? [] : job.result,
  }
}

export const remoteHandlers: Record<string, ApiHandler> = {
  'remote/request.cgi': request,
  'remote/ls.cgi': ls,
  'remote/info.cgi': info,
}
