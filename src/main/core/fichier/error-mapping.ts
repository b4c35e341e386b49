import { FichierError } from './fichier-error'
import type { FichierErrorCode } from './fichier-error'

export interface ServerRefusal {
  httpStatus: number
  /** 1fichier's message, e.g. `Resource not found #469`; may be empty. */
  message: string
  retryAfter?: string | null
}

interface Rule {
  code: FichierErrorCode
  test: (message: string, serverCode: number | null, httpStatus: number) => boolean
  explain: (message: string) => string
  retriable?: boolean
}

// Order matters: the first rule that matches wins (password texts also contain "Resource not allowed").
const RULES: readonly Rule[] = [
  {
    code: 'RATE_LIMITED',
    test: (m, n) => n === 38 && /flood/i.test(m),
    explain: () => '1fichier allows reading the account details only once every 5 minutes. Try again later.',
    retriable: true,
  },
  {
    code: 'FLOOD_LOCKED',
    test: (m) => /flood detected|ip locked|user locked|apk locked/i.test(m),
    explain: () =>
      '1fichier paused this connection because it received too many requests. Transfers resume automatically.',
    retriable: true,
  },
  {
    code: 'AUTH_INVALID_KEY',
    test: (m, n, s) => s === 401 || n === 247 || n === 93 || /not authenticated|no such user/i.test(m),
    explain: () =>
      '1fichier refused the API key: it is wrong or was revoked. Create a key at 1fichier.com/console/params.pl.',
  },
  {
    code: 'NOT_CUSTOMER',
    test: (m, n) => n === 200 || n === 236 || /must be a customer/i.test(m),
    explain: () => 'This needs a Premium or Access 1fichier account; the key belongs to a free account.',
  },
  {
    code: 'PASSWORD_WRONG',
    test: (m) => /invalid password|wrong password|bad password/i.test(m),
    explain: () => 'The password for this file or folder is wrong.',
  },
  {
    code: 'PASSWORD_REQUIRED',
    test: (m) => /password not provided|password required/i.test(m),
    explain: () => 'This file or folder is protected by a password.',
  },
  {
    code: 'OWNER_LOCKED',
    test: (m) => /owner locked/i.test(m),
    explain: () =>
      "The owner's 1fichier account is locked; the file is not available through the API for now.",
  },
  {
    code: 'LOCATION_LIMIT',
    test: (m, n) => n === 887 || /locations? allowed|professional equipment|must have cdn/i.test(m),
    explain: (m) =>
      /professional equipment|must have cdn/i.test(m)
        ? '1fichier refuses downloads from this network (VPN or data centre) without CDN credits.'
        : 'The API key is in use from another place (1fichier allows one location at a time). Try again in a few minutes.',
    retriable: true,
  },
  {
    code: 'NOT_FOUND',
    test: (m, n, s) => s === 404 || n === 469 || /not found/i.test(m),
    explain: () => 'The file or folder does not exist on 1fichier (wrong link, or it was deleted).',
  },
  {
    code: 'NOT_ALLOWED',
    test: (m, n) => n === 631 || n === 186 || n === 312 || /not allowed|no file has been/i.test(m),
    explain: (m) =>
      /no file has been renamed/i.test(m)
        ? '1fichier renamed nothing (is the new name the same as the old one?).'
        : '1fichier does not allow this on that file or folder (private, restricted or not yours).',
  },
  {
    code: 'PROTOCOL',
    test: (m, n) => n === 24 || /content-type not json/i.test(m),
    explain: () => '1fichier did not understand the request (protocol error).',
  },
  {
    code: 'RATE_LIMITED',
    test: (_m, _n, s) => s === 429,
    explain: () => '1fichier asks to slow down. Trying again shortly.',
    retriable: true,
  },
]

/** The trailing `#number` of a 1fichier message. */
export function serverCodeOf(message: string): number | null {
  const match = /#(\d{1,4})\s*\.?\s*$/.exec(message) ?? /#(\d{1,4})\b/.exec(message)
  return match?.[1] ? Number(match[1]) : null
}

/** A user-readable FichierError for a refusal (KO envelope or error status) from 1fichier. */
export function refusalToError(refusal: ServerRefusal): FichierError {
  const message = refusal.message.trim()
  const serverCode = serverCodeOf(message)
  const details = {
    serverCode,
    httpStatus: refusal.httpStatus,
    retryAfter: refusal.retryAfter ?? null,
  }
  for (const rule of RULES) {
    if (rule.test(message, serverCode, refusal.httpStatus)) {
      return new FichierError(rule.code, rule.explain(message), {
        ...details,
        retriable: rule.retriable ?? false,
      })
    }
  }
  if (refusal.httpStatus >= 500) {
    return new FichierError(
      'SERVER',
      `1fichier had a server error (HTTP ${refusal.httpStatus}). Trying again may work.`,
      {
        ...details,
        retriable: true,
      },
    )
  }
  const text = message
    ? `1fichier refused the request: ${message}`
    : `1fichier refused the request (HTTP ${refusal.httpStatus}).`
  return new FichierError('SERVER', text, details)
}
