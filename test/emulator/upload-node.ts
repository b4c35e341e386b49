import type { IncomingMessage, ServerResponse } from 'node:http'
import { rmSync } from 'node:fs'
import busboy from 'busboy'
import { DOMAINS } from './options'
import { escapeHtml, sendHtml, sendJson } from './json-reply'
import type { FileRecord, UploadReport } from './records'
import type { EmulatorRuntime } from './runtime'
import { markFresh } from './processing'
import { ROOT_ID } from './state-store'
import { receiveBytes, type ReceivedBytes } from './store-upload'
import { strippedName } from './reserved-names'

const NO_FILE = "Pas de fichier trouvé dans l'envoi"
const CANNOT_OPEN = 'Ne peut ouvrir le fichier destination'

function refusalPage(message: string): string {
  return `<!DOCTYPE html><html><head><title>1fichier.com: Cloud Storage</title></head><body><div class="bloc1"></div><div class="bloc2">${message}</div></body></html>`
}

function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1]
}

interface Part {
  filename: string
  received: Promise<ReceivedBytes>
}

/** Parses the multipart body as a stream; resolves once every part is on disk. */
function parseMultipart(
  rt: EmulatorRuntime,
  req: IncomingMessage,
): Promise<{ fields: Map<string, string>; parts: Part[] }> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>()
    const parts: Part[] = []
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 500, fieldSize: 64 * 1024 },
      })
    } catch (error) {
      reject(error)
      return
    }
    parser.on('field', (name, value) => fields.set(name, value))
    parser.on('file', (name, stream, info) => {
      if (name !== 'file[]' && name !== 'file') {
        stream.resume()
        return
      }
      const received = receiveBytes(rt, stream)
      received.catch(() => undefined)
      parts.push({ filename: info.filename ?? '', received })
    })
    parser.on('error', (error: unknown) =>
      reject(Object.assign(error instanceof Error ? error : new Error(String(error)), { parts })),
    )
    parser.on('close', () => resolve({ fields, parts }))
    req.on('close', () => {
      if (req.complete) return
      // A client that goes away mid-body: stop the open part so its blob is removed.
      parser.destroy(new Error('upload aborted'))
      reject(Object.assign(new Error('upload aborted'), { parts }))
    })
    req.pipe(parser)
  })
}

function reportLinks(rt: EmulatorRuntime, report: UploadReport): Record<string, unknown>[] {
  return report.fileIds
    .map((id) => rt.store.files.get(id))
    .filter((file): file is FileRecord => file !== undefined)
    .map((file) => ({
      download: rt.fileLink(file),
      filename: file.name,
      size: String(file.size),
      whirlpool: file.checksum ?? '',
      remove: report.anonymous
        ? `https://${DOMAINS[file.domain] ?? DOMAINS[0]}/remove/${file.id}/${file.removeCode}`
        : '',
    }))
}

function reportPage(rt: EmulatorRuntime, report: UploadReport): string {
  const rows = reportLinks(rt, report)
    .map(
      (link) =>
        `<tr><td class="normal">${escapeHtml(String(link.filename))}</td><td class="normal">${escapeHtml(String(link.size))}</td>` +
        `<td class="normal"><a href="${escapeHtml(String(link.download))}">${escapeHtml(String(link.download))}</a></td></tr>`,
    )
    .join('')
  return `<!DOCTYPE html><html><head><title>1fichier.com: Cloud Storage</title></head><body><div class="bloc2">Upload result (this page disappears within some minutes)</div><table class="premium"><tr><th>File</th><th>Size</th><th>Link</th></tr>${rows}</table></body></html>`
}

/** `POST /upload.cgi?id=<id>`: stores every `file[]` part, then redirects to the report. */
export async function handleUpload(
  rt: EmulatorRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const xid = url.searchParams.get('id') ?? ''
  const drainAndRefuse = (status: number, message: string): void => {
    req.resume()
    sendHtml(res, status, refusalPage(message), { Connection: 'close' })
  }
  if (req.method !== 'POST') return drainAndRefuse(405, NO_FILE)
  req.on('data', (chunk: Buffer) => {
    rt.stats.bytesReceived += chunk.length
  })
  if (!/^[A-Za-z0-9]{1,32}$/.test(xid)) return drainAndRefuse(200, NO_FILE)
  if (req.headers['content-length'] === undefined) return drainAndRefuse(411, 'Length Required')
  if (rt.faults.takeCounter('loseUploadNode')) return drainAndRefuse(200, CANNOT_OPEN)
  const contentType = req.headers['content-type'] ?? ''
  if (rt.switches.strictMultipart && /boundary="/i.test(contentType)) return drainAndRefuse(200, NO_FILE)

  let parsed: Awaited<ReturnType<typeof parseMultipart>>
  let received: ReceivedBytes[]
  try {
    parsed = await parseMultipart(rt, req)
    received = await Promise.all(parsed.parts.map((part) => part.received))
  } catch (error) {
    const parts = (error as { parts?: Part[] }).parts ?? []
    for (const settled of await Promise.allSettled(parts.map((part) => part.received))) {
      if (settled.status === 'fulfilled') rmSync(rt.store.blobPath(settled.value.blob), { force: true })
    }
    if (!res.headersSent && !req.destroyed) drainAndRefuse(200, NO_FILE)
    return
  }
  const key = bearer(req)
  const account = key === undefined ? undefined : rt.store.accounts.get(key)
  const incomingUser = account ? undefined : rt.store.accountByEmail(parsed.fields.get('user') ?? '')
  const owner = account?.key ?? incomingUser?.key ?? null
  const did = Number(parsed.fields.get('did') ?? ROOT_ID)
  const folderId = account && Number.isInteger(did) && rt.store.folderOf(account.key, did) ? did : ROOT_ID
  const domainField = Number(parsed.fields.get('domain') ?? 0)
  const domain = Number.isInteger(domainField) && DOMAINS[domainField] !== undefined ? domainField : 0
  const dpass = parsed.fields.get('dpass')

  const files: FileRecord[] = []
  parsed.parts.forEach((part, index) => {
    const bytes = received[index] as ReceivedBytes
    const empty = bytes.size === 0 && rt.switches.zeroByteUploads === 'reject'
    if (strippedName(part.filename) === '' || empty) {
      rmSync(rt.store.blobPath(bytes.blob), { force: true })
      return
    }
    const file = rt.store.addFile({
      owner,
      folderId,
      name: strippedName(part.filename),
      size: bytes.size,
      content: { kind: 'stored', blob: bytes.blob },
      checksum: bytes.checksum,
      domain,
      ...(dpass ? { pass: dpass } : {}),
    })
    markFresh(rt, file, Date.now())
    files.push(file)
  })
  if (files.length === 0) return drainAndRefuse(200, NO_FILE)
  rt.stats.filesUploaded += files.length
  const report: UploadReport = {
    xid,
    createdAt: Date.now(),
    fileIds: files.map((file) => file.id),
    incoming: incomingUser ? 1 : 0,
    anonymous: owner === null,
  }
  for (const [name, old] of rt.store.uploads) {
    if (report.createdAt - old.createdAt > rt.switches.endPlTtlMs) rt.store.uploads.delete(name)
  }
  rt.store.uploads.set(xid, report)
  rt.store.save()
  if (rt.switches.uploadSuccessStatus === 200) {
    sendHtml(res, 200, reportPage(rt, report))
    return
  }
  sendHtml(
    res,
    302,
    '<html><head><title>Moved</title></head><body><h1>Moved ! Temporary Redirect</h1></body></html>',
    {
      Location: `/end.pl?xid=${xid}`,
    },
  )
}

/** `GET /end.pl?xid=<id>`: the upload report as JSON (`JSON: 1`), CSV (`Export: 1`) or HTML. */
export function handleEndPl(rt: EmulatorRuntime, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const query = new Map([...url.searchParams].map(([name, value]) => [name.toLowerCase(), value]))
  const wantsJson = req.headers.json === '1' || query.get('json') === '1'
  const wantsCsv = req.headers.export === '1' || query.get('export') === '1'
  if (rt.faults.takeCounter('endPlWait')) {
    sendHtml(
      res,
      200,
      '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="5"><title>1fichier.com</title></head><body><div class="bloc2">Veuillez patienter... / Please wait...</div></body></html>',
    )
    return
  }
  const xid = url.searchParams.get('xid') ?? ''
  const stored = rt.store.uploads.get(xid)
  const report = stored && Date.now() - stored.createdAt <= rt.switches.endPlTtlMs ? stored : undefined
  const emptyLinks = rt.faults.takeCounter('endPlEmptyLinks')
  if (wantsJson) {
    const links = report && !emptyLinks ? reportLinks(rt, report) : []
    sendJson(res, 200, { incoming: report?.incoming ?? 0, links }, { shuffleKeys: rt.switches.shuffleKeys })
    return
  }
  if (!report) {
    sendHtml(res, 404, refusalPage('Résultat introuvable'))
    return
  }
  if (wantsCsv) {
    const lines = reportLinks(rt, report).map((link, index) => {
      const file = rt.store.files.get(report.fileIds[index] ?? '')
      return `${String(link.filename)};${String(link.size)};${file?.id ?? ''};${report.anonymous ? (file?.removeCode ?? '') : ''};${file?.domain ?? 0}`
    })
    const body = Buffer.from(lines.join('\n') + '\n', 'utf8')
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) })
    res.end(body)
    return
  }
  sendHtml(res, 200, reportPage(rt, report))
}
