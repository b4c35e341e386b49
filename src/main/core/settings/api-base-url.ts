import { DEFAULT_API_BASE_URL } from '../fichier/fichier-client'
import { AppError } from '../lib/app-error'

/** Host names that never leave the machine: plain http is acceptable there (the emulator). */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * The API base every call (and the API key) goes to. It is not a setting the window can change: it
 * comes from the start-up command line (`source` names where, for the error) or `FICHIER_API_URL`,
 * else 1fichier's own API. It must be an `https:` URL, or `http:` on loopback, without credentials.
 */
export function resolveApiBaseUrl(value: string | undefined, source = 'FICHIER_API_URL'): string {
  const text = value?.trim() ?? ''
  if (text === '') return DEFAULT_API_BASE_URL
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AppError('INVALID_API_URL', `${source} is not a URL: "${text}".`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('INVALID_API_URL', `${source} must be an https:// URL (got ${url.protocol}).`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppError('INVALID_API_URL', `${source} must not carry a user name or password.`)
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new AppError(
      'INVALID_API_URL',
      `${source} must use https:// for ${url.hostname}: the API key would travel unencrypted ` +
        '(plain http:// is accepted only on this machine: localhost, 127.0.0.1, [::1]).',
    )
  }
  return text
}
