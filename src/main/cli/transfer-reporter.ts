import cliProgress from 'cli-progress'
import type { TransferProgress, TransferView } from '../../shared/model/transfer'
import type { CliIo } from './cli-io'
import type { CliOutput } from './cli-output'
import { formatBytes } from '../../shared/format/format-bytes'

/** Shows the transfers of a command as they go. */
export interface TransferReporter {
  progress(items: readonly TransferProgress[]): void
  /** A lifecycle change of one of the command's transfers. */
  changed(view: TransferView): void
  note(text: string): void
  stop(): void
}

/** How a command words a finished transfer (e.g. the link of an upload, the path of a download). */
export type DescribeDone = (view: TransferView) => string

function failureLine(view: TransferView): string {
  return `failed  ${view.name}: ${view.error ? `${view.error.code} ${view.error.message}` : view.status}`
}

function skippedLine(view: TransferView): string {
  return `skipped  ${view.name}: ${view.note ?? 'already there.'}`
}

/**
 * Progress bars (cli-progress) when stdout is a terminal; otherwise one plain line per finished
 * transfer; nothing on stdout in `--json` mode.
 */
export function createTransferReporter(
  io: CliIo,
  output: CliOutput,
  describeDone: DescribeDone,
): TransferReporter {
  const ended = new Set<string>()
  // A remark made while a transfer runs (e.g. 1fichier still processing the file), said once.
  const notes = new Map<string, string>()
  const waitingLine = (view: TransferView): string | null => {
    if (view.status !== 'active' || !view.note || notes.get(view.id) === view.note) return null
    notes.set(view.id, view.note)
    return `waiting  ${view.name}: ${view.note}`
  }
  const finishedLine = (view: TransferView): string | null => {
    if (ended.has(view.id)) return null
    if (view.status === 'completed' && view.skipped) return skippedLine(view)
    if (view.status === 'completed') return describeDone(view)
    if (view.status === 'failed' || view.status === 'canceled') return failureLine(view)
    if (view.status === 'paused' && view.error) return failureLine(view)
    return null
  }

  if (!output.interactive) {
    return {
      progress: () => {},
      changed: (view) => {
        const line = finishedLine(view)
        const waiting = waitingLine(view)
        if (waiting) output.note(waiting)
        if (line === null) {
          if (view.status === 'retrying' && view.error)
            output.note(`retrying  ${view.name}: ${view.error.code} ${view.error.message}`)
          return
        }
        ended.add(view.id)
        // Only what was transferred goes to stdout, where scripts read it; a skip is a remark.
        if (view.status === 'completed' && !view.skipped) output.line(line)
        else output.note(line)
      },
      note: (text) => output.note(text),
      stop: () => {},
    }
  }

  const bars = new cliProgress.MultiBar(
    {
      stream: io.stdout,
      format: ' {bar} {percentage}% | {done} of {total_text} | {speed} | {name}',
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      etaBuffer: 20,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  )
  const byId = new Map<string, cliProgress.SingleBar>()
  let stopped = false
  const names = new Map<string, string>()
  const drop = (id: string) => {
    const bar = byId.get(id)
    if (bar) bars.remove(bar)
    byId.delete(id)
  }
  return {
    progress(items) {
      for (const item of items) {
        if (ended.has(item.id) || !names.has(item.id)) continue
        const payload = {
          name: names.get(item.id) ?? '',
          done: formatBytes(item.bytes),
          total_text: item.total === null ? '?' : formatBytes(item.total),
          speed: `${formatBytes(item.speed)}/s`,
        }
        const total = Math.max(item.total ?? item.bytes, 1)
        const bar = byId.get(item.id)
        if (bar) {
          bar.setTotal(total)
          bar.update(item.bytes, payload)
        } else byId.set(item.id, bars.create(total, item.bytes, payload))
      }
    },
    changed(view) {
      names.set(view.id, view.name)
      const waiting = waitingLine(view)
      if (waiting) bars.log(`${waiting}\n`)
      const line = finishedLine(view)
      if (line === null) return
      ended.add(view.id)
      drop(view.id)
      bars.log(`${line}\n`)
    },
    note: (text) => bars.log(`${text}\n`),
    stop: () => {
      if (stopped) return
      stopped = true
      // Lines logged since the last redraw are written by a redraw, not by stop().
      bars.update()
      bars.stop()
    },
  }
}
