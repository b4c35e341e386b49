import { parseLink } from './parse-link'

/** The key two links share when they name the same 1fichier file or folder, whatever their shape or domain. */
export function linkKey(link: { url: string; id: string }): string {
  return link.url.includes('/dir/') ? `dir:${link.id}` : `file:${link.id}`
}

/**
 * Links already queued, each parsed once: `has` answers by 1fichier id, so a known link found again
 * in another shape or on another domain is recognised. Text that is not a link counts as itself.
 */
export class KnownLinks {
  readonly #keys = new Set<string>()

  constructor(urls: Iterable<string> = []) {
    for (const url of urls) this.add(url)
  }

  add(url: string): void {
    this.#keys.add(KnownLinks.#keyOf(url))
  }

  has(url: string): boolean {
    return this.#keys.has(KnownLinks.#keyOf(url))
  }

  /** For links already parsed: `key` from `linkKey`. */
  hasKey(key: string): boolean {
    return this.#keys.has(key)
  }

  static #keyOf(url: string): string {
    const match = parseLink(url)
    return match.kind === 'rejected' ? `raw:${url}` : linkKey(match)
  }
}
