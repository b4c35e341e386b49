import { isAppUrl, type AppOrigin } from './navigation-policy'

/** The one web permission the window needs: writing text to the clipboard (Copy link). */
const ALLOWED: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/**
 * Whether our own page may use `permission`. Everything else (camera, notifications from the
 * page, reading the clipboard, geolocation…) is denied, and so is any other page.
 */
export function allowPermission(permission: string, requestingUrl: string, origin: AppOrigin): boolean {
  return ALLOWED.has(permission) && isAppUrl(requestingUrl, origin)
}
