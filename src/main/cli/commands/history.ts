import { join } from 'node:path'
import { toHistoryEntry } from '../../../shared/model/history-entry'
import { formatBytes } from '../../../shared/format/format-bytes'
import { TransferHistory } from '../../core/history/transfer-history'
import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import type { HistoryOutput } from '../json-output'

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
    const items = (await TransferHistory.read(join(stateDir, 'history'))).flatMap(
      (view) => toHistoryEntry(view) ?? [],
    )
    for (const item of items) {
      const size = item.size === null ? '-' : formatBytes(item.size)
      output.line(`${when(item.finishedAt)}  ${item.kind}  ${size}  ${item.link ?? '-'}  ${item.name}`)
    }
    if (items.length === 0) output.note('no finished transfer in this state folder yet')
    output.document({ command: 'history', items } satisfies HistoryOutput)
    return ExitCode.ok
  },
}
