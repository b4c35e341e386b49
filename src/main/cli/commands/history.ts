import { join } from 'node:path'
import type { TransferView } from '../../../shared/model/transfer'
import { formatBytes } from '../../../shared/format/format-bytes'
import { TransferHistory } from '../../core/history/transfer-history'
import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import type { HistoryOutput } from '../json-output'

type HistoryItem = HistoryOutput['items'][number]

function toItem(entry: TransferView): HistoryItem {
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    size: entry.bytesTotal ?? (entry.bytesDone > 0 ? entry.bytesDone : null),
    finishedAt: entry.finishedAt ?? null,
    link: entry.link || (entry.kind === 'download' ? entry.source : null),
    removeLink: entry.removeLink || null,
    checksum: entry.checksum ?? null,
    place: entry.kind === 'remote-upload' ? entry.source : entry.target,
  }
}

/** `2026-12-05 03:41` in UTC: the same in every cron mail, whatever the machine's zone. */
function when(ms: number | null): string {
  return ms === null ? '-' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'list finished transfers with their links',
  usage: 'fichier history',
  description:
    'Lists the transfers this state folder finished, newest first: when (UTC), kind, size, link and name. The history keeps them after they leave the queue. It needs no API key and makes no call to 1fichier, and it reads the state folder even while another command runs there.',
  options: {},
  optionHelp: [],
  minOperands: 0,
  maxOperands: 0,
  async run({ output, stateDir }) {
    const items = (await TransferHistory.read(join(stateDir, 'history'))).map(toItem)
    for (const item of items) {
      const size = item.size === null ? '-' : formatBytes(item.size)
      output.line(`${when(item.finishedAt)}  ${item.kind}  ${size}  ${item.link ?? '-'}  ${item.name}`)
    }
    if (items.length === 0) output.note('no finished transfer in this state folder yet')
    output.document({ command: 'history', items } satisfies HistoryOutput)
    return ExitCode.ok
  },
}
