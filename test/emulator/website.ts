import type { IncomingMessage, ServerResponse } from 'node:http'
import { escapeHtml, sendHtml, sendJson } from './json-reply'
import type { EmulatorRuntime } from './runtime'

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (req.method !== 'POST') {
    req.resume()
    return new URLSearchParams()
  }
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of req) {
    length += (chunk as Buffer).length
    if (length > 1024 * 1024) break
    chunks.push(chunk as Buffer)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

function passwordForm(dirId: string, wrong: boolean): string {
  return (
    `<!DOCTYPE html><html><head><title>1fichier.com: Cloud Storage</title></head><body>` +
    (wrong ? '<div class="bloc2">Mot de passe incorrect / Invalid password</div>' : '') +
    `<form method="post" action="/dir/${dirId}"><input type="password" name="pass"><input type="submit" value="OK"></form></body></html>`
  )
}

/** `GET|POST /dir/<id>[?json=1]`: a publicly shared folder (optionally password-protected). */
export async function handleDir(
  rt: EmulatorRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  dirId: string,
): Promise<void> {
  const form = await readForm(req)
  const folder = rt.store.folderByDirId(dirId)
  if (!folder?.share) {
    sendHtml(
      res,
      404,
      '<!DOCTYPE html><html><body><div class="bloc2">Dossier introuvable / Folder not found</div></body></html>',
    )
    return
  }
  const pass = form.get('pass') ?? undefined
  const expected = folder.share.pass ?? folder.pass
  if (expected !== undefined && pass !== expected) {
    sendHtml(res, 200, passwordForm(dirId, pass !== undefined))
    return
  }
  const wantsJson = url.searchParams.get('json') === '1' || form.get('json') === '1'
  const files = rt.store.filesIn(folder.owner, folder.id)
  if (wantsJson) {
    const items = files.map((file) => ({
      filename: file.name,
      link: rt.fileLink(file),
      size: file.size,
      password: file.pass === undefined ? 0 : 1,
      acl: file.acl ? 1 : 0,
    }))
    sendJson(res, 200, items, { shuffleKeys: rt.switches.shuffleKeys })
    return
  }
  const rows = files
    .map(
      (file) =>
        `<tr><td><a href="${rt.fileLink(file)}">${escapeHtml(file.name)}</a></td><td>${file.size}</td></tr>`,
    )
    .join('')
  sendHtml(
    res,
    200,
    `<!DOCTYPE html><html><body><h1>${escapeHtml(folder.name)}</h1><table class="premium">${rows}</table></body></html>`,
  )
}

/** `POST /check_links.pl` with `links[]=…`: one `url;filename;size` line per link. */
export async function handleCheckLinks(
  rt: EmulatorRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = await readForm(req)
  const lines = form.getAll('links[]').map((link) => {
    if (
      !/^(?:https?:\/\/)?[a-z0-9.-]+\/?\?[a-z0-9]{5,20}|^(?:https?:\/\/)?[a-z0-9]{5,20}\.[a-z0-9-]+\.[a-z]+/i.test(
        link,
      )
    ) {
      return `${link};;;BAD LINK`
    }
    const file = rt.resolveLink(link)
    if (!file) return `${link};;;NOT FOUND`
    if (file.pass !== undefined || file.acl) return `${link};;;PRIVATE`
    return `${link};${file.name};${file.size}`
  })
  const body = Buffer.from(lines.join('\n') + (lines.length ? '\n' : ''), 'utf8')
  res.writeHead(200, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    Server: 'nginx',
  })
  res.end(body)
}
