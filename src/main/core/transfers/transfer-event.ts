import { z } from 'zod'

/**
 * Everything that can happen to a transfer:
 * - `start`: the scheduler gives a queued item a slot (queued → active);
 * - `pause`: the user (or a condition such as a full disk) stops it (queued | active | retrying → paused);
 * - `resume`: the user lets a paused item run again (paused → queued);
 * - `retryScheduled`: a transient failure with attempts left (active → retrying);
 * - `retryDue`: the backoff is over (retrying → queued);
 * - `fail`: a permanent failure, or no attempts left (active → failed);
 * - `complete`: the bytes are all there and checked (active → completed);
 * - `cancel`: the user gives up on an unfinished item (queued | active | retrying | paused → canceled);
 * - `retry`: the user tries a failed or canceled item again (failed | canceled → queued);
 * - `interrupt`: the app stopped while the item was running or waiting out a backoff, found on
 *   shutdown or on restart after a crash (active | retrying → queued).
 */
export const TransferEvent = z.enum([
  'start',
  'pause',
  'resume',
  'retryScheduled',
  'retryDue',
  'fail',
  'complete',
  'cancel',
  'retry',
  'interrupt',
])
export type TransferEvent = z.infer<typeof TransferEvent>
