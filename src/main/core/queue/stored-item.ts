import { z } from 'zod'
import { TransferView } from '../../../shared/model/transfer'

/**
 * One item of the persistent queue: what the user sees of a transfer plus whatever the engine
 * needs to run or resume it, kept free-form here (the engine passes a stricter schema of its own).
 */
export const StoredItem = TransferView.extend({
  meta: z.record(z.string(), z.unknown()).optional(),
})
export type StoredItem = z.infer<typeof StoredItem>
