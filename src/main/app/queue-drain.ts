import { runningCount, type QueueSummary } from './queue-summary'

/**
 * Tells when the queue has just emptied: something was running, and now nothing runs, waits or is
 * paused. Pausing everything is not "empty", and an app that starts idle never drains.
 */
export class QueueDrain {
  #busy = false

  /** True once per busy → empty transition. */
  observe(summary: QueueSummary): boolean {
    const busy = runningCount(summary) > 0
    const drained = this.#busy && !busy && summary.counts.paused === 0
    if (busy) this.#busy = true
    else if (drained || summary.counts.paused > 0) this.#busy = false
    return drained
  }
}
