/**
 * Pure decisions about where the window may go; no Electron import, so they are tested under Node.
 * The app's own page is either the dev server's origin or the bundled `index.html` file.
 */
export interface AppOrigin {
  /** `http://localhost:5173` in development, null in a packaged build. */
  devServerUrl: string | null
  /** `file:///…/out/renderer/index.html` in a packaged build. */
  indexFileUrl: string
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True when `url` is our own page (any hash or query, no other path). */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  const target = parse(url)
  if (!target) return false
  if (origin.devServerUrl) {
    const dev = parse(origin.devServerUrl)
    if (dev && target.origin === dev.origin) return true
  }
  const index = parse(origin.indexFileUrl)
  return !!index && target.protocol === 'file:' && target.pathname === index.pathname
}

/** `window.open` and target=_blank links: only https pages, opened in the user's browser. */
export function externalOpenDecision(url: string): 'open-external' | 'deny' {
  const target = parse(url)
  return target && target.protocol === 'https:' && target.username === '' && target.password === ''
    ? 'open-external'
    : 'deny'
}
