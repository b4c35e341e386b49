import { parseLinks } from '../../shared/links'
import type { LinkEntry, RejectedLine } from '../../shared/model/intake'
import type { LinkCheck } from '../../shared/model/link-check'

/** What a download command adds: every link of the input, with the names and sizes 1fichier's link check gave. */
export interface CheckedLinks {
  links: LinkEntry[]
  /** Lines that are not links. */
  rejected: RejectedLine[]
}

/**
 * Finds the links in `text` and checks the file links with `check` (1fichier's mass link check: one request
 * per 100 links, no API budget per link), so that each transfer has its name and size before it starts. A link
 * the check finds gone is still added: its download fails with 1fichier's own answer, like any other. When the
 * check cannot be had, the links go as they are.
 */
export async function checkedLinks(
  text: string,
  check: (urls: readonly string[]) => Promise<LinkCheck[]>,
  onUnchecked: (reason: string) => void,
): Promise<CheckedLinks> {
  const parsed = parseLinks(text)
  const urls = parsed.files.map((file) => file.url)
  let checks: LinkCheck[] = []
  if (urls.length > 0) {
    try {
      checks = await check(urls)
    } catch (error) {
      onUnchecked(error instanceof Error ? error.message : String(error))
    }
  }
  const online = new Map(
    checks.filter((result) => result.state === 'online').map((result) => [result.url, result]),
  )
  const links: LinkEntry[] = parsed.files.map((file) => {
    const result = online.get(file.url)
    return {
      url: file.url,
      ...(file.password ? { password: file.password } : {}),
      ...(result?.name ? { name: result.name } : {}),
      ...(result && result.size !== null ? { size: result.size } : {}),
    }
  })
  for (const folder of parsed.folders) {
    links.push({ url: folder.url, ...(folder.password ? { password: folder.password } : {}) })
  }
  return { links, rejected: parsed.rejected }
}
