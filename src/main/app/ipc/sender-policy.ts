import type { WebFrameMain } from 'electron'
import { isAppUrl, type AppOrigin } from '../navigation-policy'

/** Only the main frame of our own page may call the contract; iframes and foreign pages are refused. */
export function isTrustedSender(frame: WebFrameMain | null | undefined, origin: AppOrigin): boolean {
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url, origin)
}
