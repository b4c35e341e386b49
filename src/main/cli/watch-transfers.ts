import type { TransferView } from '../../shared/model/transfer'
import { TERMINAL_STATUSES } from '../../shared/model/transfer'
import type { Core } from '../core/create-core'
import { AppError } from '../core/lib/app-error'
import type { TransferReporter } from './transfer-reporter'

const KEY_PROBLEMS = new Set(['AUTH_INVALID_KEY', 'NOT_CUSTOMER'])

export interface WatchOptions {
  signal: AbortSignal
  /** false: a flood lock ends the watch with FLOOD_LOCKED (exit 4) instead of being waited out. */
  waitOnLock: boolean
  /** An error that ends the whole command when a transfer looks like this (e.g. an anonymous upload). */
  refuse?: (view: TransferView) => Error | null
}

/**
 * Whether a transfer has ended for this command: a terminal status, or paused by a condition (a
 * full disk) while it ran, which nothing in this process will lift.
 */
function ended(view: TransferView, ranThisTime: boolean): boolean {
  return TERMINAL_STATUSES.includes(view.status) || (ranThisTime && view.status === 'paused' && !!view.error)
}

export function interruptedError(): AppError {
  return new AppError(
    'INTERRUPTED',
    'Interrupted. Unfinished transfers are kept: run the same command again to continue.',
  )
}

/**
 * Follows the given transfers until each one has ended (completed, failed, canceled, or paused by a
 * full disk) and answers
 * their final views. Ends early with the key's error when 1fichier refuses the key (the engine then
 * holds the queue), with FLOOD_LOCKED on a flood lock unless it is to be waited out, and with
 * INTERRUPTED when the signal fires.
 */
export function watchTransfers(
  core: Core,
  ids: readonly string[],
  reporter: TransferReporter,
  options: WatchOptions,
): Promise<TransferView[]> {
  const pending = new Set(ids)
  const latest = new Map<string, TransferView>()
  const ranThisTime = new Set<string>()
  const unsubscribers: Array<() => void> = []

  return new Promise<TransferView[]>((resolve, reject) => {
    let settled = false
    const finish = (error: unknown) => {
      if (settled) return
      settled = true
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe()
      if (error) reject(error)
      else resolve(ids.map((id) => latest.get(id)).filter((view): view is TransferView => view !== undefined))
    }
    const consider = (view: TransferView) => {
      if (!pending.has(view.id) && !latest.has(view.id)) return
      latest.set(view.id, view)
      if (view.status === 'active') ranThisTime.add(view.id)
      reporter.changed(view)
      // An error carried over from an earlier run means nothing until the item ran again.
      const code = ranThisTime.has(view.id) && view.status !== 'completed' ? view.error?.code : undefined
      if (code && KEY_PROBLEMS.has(code))
        return finish(new AppError(code, view.error?.message ?? '1fichier refused the API key.'))
      if (code === 'FLOOD_LOCKED' && !options.waitOnLock) {
        return finish(
          new AppError(
            'FLOOD_LOCKED',
            `${view.error?.message ?? '1fichier paused API calls.'} Run the command again later (add --wait-on-lock to wait instead).`,
          ),
        )
      }
      const refused = options.refuse?.(view)
      if (refused) return finish(refused)
      if (ended(view, ranThisTime.has(view.id))) pending.delete(view.id)
      if (pending.size === 0) finish(null)
    }

    if (options.signal.aborted) return finish(interruptedError())
    const onAbort = () => finish(interruptedError())
    options.signal.addEventListener('abort', onAbort, { once: true })
    unsubscribers.push(() => options.signal.removeEventListener('abort', onAbort))
    unsubscribers.push(core.engine.on('changed', (batch) => batch.upserts.forEach(consider)))
    unsubscribers.push(
      core.engine.on('progress', (tick) =>
        reporter.progress(tick.items.filter((item) => pending.has(item.id))),
      ),
    )
    unsubscribers.push(
      core.client.on('paused', ({ until, reason }) => {
        if (until === null) return reporter.note('1fichier accepts API calls again.')
        const when = new Date(until).toISOString()
        if (options.waitOnLock) reporter.note(`1fichier paused API calls until ${when} (${reason}); waiting.`)
        else
          finish(
            new AppError(
              'FLOOD_LOCKED',
              `1fichier paused API calls until ${when} (${reason}). Run the command again later (add --wait-on-lock to wait instead).`,
            ),
          )
      }),
    )
    for (const id of ids) {
      const view = core.engine.get(id)
      if (view) consider(view)
      else pending.delete(id)
    }
    if (pending.size === 0) finish(null)
  })
}
