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

/**
 * A cell a spreadsheet shows as text: file names come from strangers, and one that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula, so it gets a leading
 * single quote (OWASP's CSV injection rule).
 */
function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(value: string): string {
  const cell = inertCell(value)
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
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
 * Plain text: one link per line. CSV: a header row, then one row per file, CRLF line ends, no cell
 * that a spreadsheet would take for a formula.
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
