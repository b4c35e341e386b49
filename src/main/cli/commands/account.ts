import { toAccountInfo } from '../../core/account/account-service'
import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import { formatBytes } from '../../../shared/format/format-bytes'
import type { AccountOutput } from '../json-output'

export const accountCommand: Command = {
  name: 'account',
  summary: 'show the account behind the key',
  usage: 'fichier account',
  description:
    'Shows the account of the API key: e-mail, offer, subscription end, storage and CDN credits. 1fichier allows this once every 5 minutes.',
  options: {},
  optionHelp: [],
  minOperands: 0,
  maxOperands: 0,
  async run({ output, signal, openCore }) {
    const cli = await openCore()
    try {
      const info = await cli.client.userInfo({ signal })
      const account = toAccountInfo(info)
      const size = (bytes: number | null) => (bytes === null ? 'unknown' : formatBytes(bytes))
      output.line(`email         ${account.email}`)
      output.line(`offer         ${account.offer}`)
      output.line(`subscription  ${account.subscriptionEnd ?? 'unknown'}`)
      output.line(`hot storage   ${size(account.hotStorage)}`)
      output.line(
        `cold storage  ${size(account.coldStorage)} (${size(account.availableColdStorage)} available)`,
      )
      output.line(
        `CDN credits   ${account.cdnCredits === null ? 'unknown' : formatBytes(account.cdnCredits)}${account.useCdn ? ' (in use)' : ''}`,
      )
      if (account.uploadForbidden) output.line('uploads       forbidden by 1fichier')
      if (account.overQuota) output.line('quota         exceeded')
      if (info.cachedAt !== null) {
        const minutes = Math.max(0, Math.floor((Date.now() - info.cachedAt) / 60_000))
        output.note(
          `as read from 1fichier ${minutes === 0 ? 'less than a minute' : `${minutes} min`} ago (1fichier allows one read every 5 minutes)`,
        )
      }
      output.document({
        command: 'account',
        account,
        checkedAt: info.cachedAt ?? Date.now(),
      } satisfies AccountOutput)
      return ExitCode.ok
    } finally {
      await cli.close()
    }
  },
}
