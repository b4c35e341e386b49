import type { ServerResponse } from 'node:http'
import { sendHtml } from './json-reply'

/**
 * Web pages a download node can answer instead of the file (JDownloader's `OneFichierCom.java`
 * refuses any such answer and handles each): the "too fast" warning, maintenance, a redirect to the
 * home page with `?c=DB`, and the 403 VPN page.
 */
export const HTML_PAGE_KINDS = ['too-fast', 'maintenance', 'redirect-db', 'vpn'] as const
export type HtmlPageKind = (typeof HTML_PAGE_KINDS)[number]

function page(text: string): string {
  return `<!DOCTYPE html><html><head><title>1fichier.com: Cloud Storage</title></head><body><div class="ct_warn">${text}</div></body></html>`
}

export function sendHtmlPage(res: ServerResponse, kind: HtmlPageKind): void {
  switch (kind) {
    case 'too-fast':
      return sendHtml(
        res,
        200,
        page('Vous devez attendre / You must wait: too many requests in a short time. Please retry later.'),
      )
    case 'maintenance':
      return sendHtml(res, 200, page('Maintenance en cours / Maintenance in progress. Please retry later.'))
    case 'redirect-db':
      return sendHtml(res, 302, page('Moved'), { Location: '/?c=DB' })
    case 'vpn':
      return sendHtml(
        res,
        403,
        page('VPN detected: downloads from this network need CDN credits (see /network.html).'),
      )
  }
}

/** The home page, where the `?c=DB` redirect lands. */
export function sendHomePage(res: ServerResponse, url: URL): void {
  const note = url.searchParams.get('c') === 'DB' ? 'Database unavailable, please retry later.' : ''
  sendHtml(res, 200, page(`1fichier.com: Cloud Storage. ${note}`))
}
