import { isIP } from 'node:net'
import { ApiRefusalError, notAllowed } from './api-error'
import type { AccountRecord, FileRecord } from './records'

function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.').map(Number)
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255))
    return undefined
  return parts.reduce((sum, part) => sum * 256 + part, 0)
}

function ipMatches(ip: string, rule: string): boolean {
  const plain = ip.replace(/^::ffff:/, '')
  const [network, bitsText] = rule.split('/')
  if (network === undefined) return false
  if (bitsText === undefined || isIP(plain) !== 4) return plain === network
  const bits = Number(bitsText)
  const a = ipv4ToNumber(plain)
  const b = ipv4ToNumber(network)
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false
  const size = 2 ** (32 - bits)
  return Math.floor(a / size) === Math.floor(b / size)
}

/**
 * Whether `account` (undefined = anonymous) may read `file` with password `pass` from `ip`:
 * owners always may; others need the password of a protected file and must pass its ACL.
 */
export function assertReadable(
  file: FileRecord,
  account: AccountRecord | undefined,
  pass: string | undefined,
  ip: string,
): void {
  if (account && file.owner === account.key) return
  if (file.pass !== undefined) {
    if (pass === undefined || pass === '')
      throw new ApiRefusalError(403, 'Password not provided. Resource not allowed', 631)
    if (pass !== file.pass) throw new ApiRefusalError(403, 'Invalid password. Resource not allowed', 631)
  }
  const acl = file.acl
  if (!acl) return
  if (acl.premium && (!account || account.tier === 'free')) throw notAllowed()
  if (
    acl.email.length > 0 &&
    !(account && acl.email.some((email) => email.toLowerCase() === account.email.toLowerCase()))
  ) {
    throw notAllowed()
  }
  if (acl.ip.length > 0 && !acl.ip.some((rule) => ipMatches(ip, rule))) throw notAllowed()
  // Loopback clients have no country.
  if (acl.country.length > 0) throw notAllowed()
}

/** Files only their owner may change. */
export function assertOwned(file: FileRecord, account: AccountRecord): void {
  if (file.owner !== account.key) throw notAllowed()
}
