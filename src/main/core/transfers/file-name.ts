import filenamify from 'filenamify'
import { extname, relative, resolve, sep, isAbsolute } from 'node:path'

/** Most file systems allow 255 bytes per name; keep room for ` (99)` and `.part`. */
const MAX_NAME_BYTES = 230

function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder()
  if (encoder.encode(text).length <= maxBytes) return text
  let out = ''
  let used = 0
  for (const char of text) {
    const size = encoder.encode(char).length
    if (used + size > maxBytes) break
    out += char
    used += size
  }
  return out
}

/**
 * Makes a name from the network safe on every OS, and readable: `"` becomes `'`, line breaks and tabs
 * a space, separators (`/`, `\`) and other reserved characters `_` (so `back\slash.txt` keeps its
 * prefix as `back_slash.txt`); no `..`, no control characters, no reserved Windows names (`CON`,
 * `nul.txt`), no trailing dots or spaces, no leading dot that would hide the file (`.bashrc` →
 * `_.bashrc`), at most 230 UTF-8 bytes with the extension kept.
 */
export function safeFileName(name: string, fallback = 'download'): string {
  const readable = name
    .normalize('NFC')
    // A quote reads as a quote, and a line break or tab as a space, rather than as "_".
    .replace(/"/g, "'")
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
  let cleaned = filenamify(readable, { replacement: '_', maxLength: 1000 })
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/[. ]+$/, '')
    .replace(/^ +/, '')
  if (cleaned === '' || /^_*$/.test(cleaned) || cleaned === '.' || cleaned === '..') cleaned = fallback
  // A leading dot would hide the file from the user's file manager: give it a visible form.
  if (cleaned.startsWith('.')) cleaned = `_${cleaned}`
  const extension = extname(cleaned)
  if (extension.length > 0 && extension.length < 32 && extension.length < cleaned.length) {
    const stem = cleaned.slice(0, -extension.length)
    return truncateUtf8(stem, MAX_NAME_BYTES - new TextEncoder().encode(extension).length) + extension
  }
  return truncateUtf8(cleaned, MAX_NAME_BYTES)
}

/** `report.pdf` → `report (1).pdf`, `report (2).pdf`… the first name `taken` says is free. */
export async function freeName(
  name: string,
  taken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  if (!(await taken(name))) return name
  const extension = extname(name)
  const stem =
    extension.length > 0 && extension.length < name.length ? name.slice(0, -extension.length) : name
  for (let n = 1; n < 10_000; n++) {
    const candidate = `${stem} (${n})${stem === name ? '' : extension}`
    if (!(await taken(candidate))) return candidate
  }
  throw new Error(`No free name for ${name}`)
}

/** Joins a sanitized name to a folder and proves the result stays inside it. */
export function pathInside(folder: string, name: string): string {
  const base = resolve(folder)
  const target = resolve(base, name)
  const rel = relative(base, target)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep)) {
    throw new Error(`Refusing a file name that leaves the target folder: ${JSON.stringify(name)}`)
  }
  return target
}
