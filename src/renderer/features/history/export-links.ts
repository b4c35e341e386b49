import { z } from 'zod'
import type { HistoryEntry } from './history-entry'

export const ExportFormat = z.enum(['text', 'csv', 'markdown-table', 'markdown-list'])
export type ExportFormat = z.infer<typeof ExportFormat>

/** Column titles of the CSV and the Markdown table, in the interface's language. */
export interface ExportHeaders {
  name: string
  link: string
  removeLink: string
  size: string
  finished: string
  kind: string
}

export const EXPORT_FILES: Record<ExportFormat, { extension: string; mime: string }> = {
  text: { extension: 'txt', mime: 'text/plain;charset=utf-8' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  'markdown-table': { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  'markdown-list': { extension: 'md', mime: 'text/markdown;charset=utf-8' },
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** A table cell: one line, `|` and `\` escaped so the row keeps its columns. */
function tableCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ')
}

/** The text of `[text](…)`: brackets, backslashes and other inline markers escaped, on one line. */
function linkText(value: string): string {
  return value.replace(/[\\[\]*_`<>]/g, (char) => `\\${char}`).replace(/\s*[\r\n]+\s*/g, ' ')
}

/** The destination of `(…)`: spaces, parentheses and angle brackets percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(
    /[\s()<>]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

/**
 * The links of `entries` (in their order) as `format`. Entries without a link are left out.
 * Plain text: one link per line. CSV: a header row, then one row per file, CRLF line ends.
 * Markdown: a table of name, link and removal link, or a list of `[name](link)`.
 */
export function exportLinks(
  entries: readonly HistoryEntry[],
  format: ExportFormat,
  headers: ExportHeaders,
): string {
  const linked = entries.filter((entry): entry is HistoryEntry & { link: string } => entry.link !== null)
  switch (format) {
    case 'text':
      return linked.map((entry) => `${entry.link}\n`).join('')
    case 'csv': {
      const rows = [
        [headers.name, headers.link, headers.removeLink, headers.size, headers.finished, headers.kind],
      ]
      for (const entry of linked) {
        rows.push([
          entry.name,
          entry.link,
          entry.removeLink ?? '',
          entry.size === null ? '' : String(entry.size),
          entry.finishedAt === null ? '' : new Date(entry.finishedAt).toISOString(),
          entry.kind,
        ])
      }
      return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
    }
    case 'markdown-table': {
      const hasRemoval = linked.some((entry) => entry.removeLink !== null)
      const titles = [headers.name, headers.link, ...(hasRemoval ? [headers.removeLink] : [])]
      const lines = [
        `| ${titles.map(tableCell).join(' | ')} |`,
        `| ${titles.map(() => '---').join(' | ')} |`,
        ...linked.map((entry) => {
          const cells = [entry.name, entry.link, ...(hasRemoval ? [entry.removeLink ?? ''] : [])]
          return `| ${cells.map(tableCell).join(' | ')} |`
        }),
      ]
      return `${lines.join('\n')}\n`
    }
    case 'markdown-list':
      return linked.map((entry) => `- [${linkText(entry.name)}](${linkTarget(entry.link)})\n`).join('')
  }
}

/** How many of `entries` have a link, i.e. what `exportLinks` puts out. */
export function countLinks(entries: readonly HistoryEntry[]): number {
  return entries.reduce((count, entry) => count + (entry.link === null ? 0 : 1), 0)
}
