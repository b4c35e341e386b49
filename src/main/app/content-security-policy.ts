import { isAppUrl, type AppOrigin } from './navigation-policy'

/**
 * The window's Content Security Policy. `index.html` carries the same text in a `<meta>` tag (the
 * only way for a page that might be read without main's help); main also sends it as a response
 * header, the only delivery under which `frame-ancestors` is enforced.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

type Headers = Record<string, string[] | string>

/**
 * The response headers of `url` as the window receives them: our own page (the dev server's
 * responses, or the bundled `index.html`) gets the policy as a header, replacing any it had;
 * anything else passes untouched. Null means "leave the headers as they are".
 */
export function withContentSecurityPolicy(
  url: string,
  headers: Headers | undefined,
  origin: AppOrigin,
): Headers | null {
  if (!isAppUrl(url, origin)) return null
  const kept: Headers = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') kept[name] = value
  }
  return { ...kept, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
}
