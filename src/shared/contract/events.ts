import { z } from 'zod'
import type { EventChannel } from './channels'
import { AccountState } from '../model/account'
import { TransferProgress, TransferTotals, TransferView } from '../model/transfer'

/** Payload schema of every event pushed from main to the renderer. */
export const eventSchemas = {
  /** Lifecycle changes. Apply only `revision === current + 1`; on a gap, take a new `transfers:list`. */
  'transfers:changed': z.object({
    revision: z.number().int().positive(),
    upserts: z.array(TransferView),
    removedIds: z.array(z.string()),
  }),
  /** One tick for every active transfer, a few times a second. */
  'transfers:progress': z.object({
    at: z.number(),
    items: z.array(TransferProgress),
    totals: TransferTotals,
  }),
  'account:changed': AccountState,
  /** Entries added to or removed from the history. */
  'history:changed': z.object({ upserts: z.array(TransferView), removedIds: z.array(z.string()) }),
  /** 1fichier asked us to slow down: no API call before `until` (epoch ms); null when calls resumed. */
  'api:paused': z.object({ until: z.number().nullable(), reason: z.string() }),
  /**
   * The desktop (tray, menu, a notification) asks the window to show something: the Add dialog
   * filled with `text` (the user reviews the links before adding them), or the transfers.
   */
  'app:request': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('addLinks'), text: z.string().max(5_000_000) }),
    z.object({ kind: z.literal('showTransfers') }),
  ]),
} as const satisfies Record<EventChannel, z.ZodType>

export type EventPayload<E extends EventChannel> = z.output<(typeof eventSchemas)[E]>
