import type { ApiTransport } from './api-transport'
import { FichierError } from './fichier-error'
import { redactSecrets } from './redact'
import { PublicFolder } from './wire-schemas'
import type { PublicFolderEntry } from './wire-schemas'

/**
 * `<website>/dir/<id>?json=1` for a folder link or bare id. The website is 1fichier.com for the
 * real API, and the API's own origin for any other base (a local stand-in).
 */
export function publicFolderUrl(apiBase: URL, folder: string): URL {
  const id = /\/dir\/([A-Za-z0-9]+)/.exec(folder)?.[1] ?? (/^[A-Za-z0-9]+$/.test(folder) ? folder : null)
  if (!id) throw new FichierError('NOT_FOUND', `"${folder}" is not a 1fichier folder link.`)
  const official = /(^|\.)1fichier\.com$/i.test(apiBase.hostname)
  const origin = official ? 'https://1fichier.com' : apiBase.origin
  return new URL(`/dir/${id}?json=1`, origin)
}

/** Reads a public folder listing; a protected folder needs `password` (sent form-encoded). */
export async function readPublicFolder(
  transport: ApiTransport,
  url: URL,
  password: string | undefined,
  signal?: AbortSignal,
): Promise<PublicFolderEntry[]> {
  const response = await transport.website(url.href, password ? { json: '1', pass: password } : null, signal)
  if (response.statusCode === 404) {
    throw new FichierError(
      'NOT_FOUND',
      'This 1fichier folder does not exist (wrong link, or it was deleted).',
      { httpStatus: 404 },
    )
  }
  const body = response.body.trim()
  if (body.startsWith('[')) {
    const parsed = PublicFolder.safeParse(JSON.parse(body))
    if (parsed.success) return parsed.data
    throw new FichierError('PROTOCOL', '1fichier answered the folder listing in an unexpected shape.')
  }
  if (/type=["']?password|name=["']?pass/i.test(body)) {
    throw password
      ? new FichierError('PASSWORD_WRONG', 'The password for this folder is wrong.', {
          httpStatus: response.statusCode,
        })
      : new FichierError('PASSWORD_REQUIRED', 'This folder is protected by a password.', {
          httpStatus: response.statusCode,
        })
  }
  if (response.statusCode >= 500) {
    throw new FichierError('SERVER', `1fichier had a server error (HTTP ${response.statusCode}).`, {
      retriable: true,
    })
  }
  throw new FichierError(
    'PROTOCOL',
    '1fichier answered the folder listing with something other than a list.',
    {
      httpStatus: response.statusCode,
      cause: new Error(redactSecrets(body.slice(0, 120), [password])),
    },
  )
}
