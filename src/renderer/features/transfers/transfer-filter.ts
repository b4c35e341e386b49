import { z } from 'zod'
import { TransferStatus, type TransferView } from '../../../shared/model/transfer'

export const KindFilter = z.enum(['all', 'download', 'upload', 'remote-upload'])
export type KindFilter = z.infer<typeof KindFilter>

export const StatusFilter = z.enum(['any', ...TransferStatus.options])
export type StatusFilter = z.infer<typeof StatusFilter>

export interface TransferFilter {
  kind: KindFilter
  status: StatusFilter
  /** Case-insensitive text looked for in the name and the source. */
  text: string
}

export const NO_FILTER: TransferFilter = { kind: 'all', status: 'any', text: '' }

export function matchesFilter(item: TransferView, filter: TransferFilter): boolean {
  if (filter.kind !== 'all' && item.kind !== filter.kind) return false
  if (filter.status !== 'any' && item.status !== filter.status) return false
  const needle = filter.text.trim().toLowerCase()
  if (needle && !item.name.toLowerCase().includes(needle) && !item.source.toLowerCase().includes(needle))
    return false
  return true
}
