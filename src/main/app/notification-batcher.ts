import type { TransferKind } from '../../shared/model/transfer'
import type { DesktopText } from './desktop-text'

/** A transfer that just reached `completed` or `failed`. */
export interface FinishedTransfer {
  id: string
  kind: TransferKind
  name: string
  outcome: 'completed' | 'failed'
  /** The failure's message, for failed ones. */
  error?: string
}

export interface DesktopNotification {
  outcome: 'completed' | 'failed'
  title: string
  body: string
  /** The transfers to show when the notification is clicked. */
  ids: string[]
}

const NAMES_SHOWN = 3

/** The word for what finished: the kind when they are all of one kind, else "transfer". */
function kindKey(kinds: ReadonlySet<TransferKind>): 'download' | 'upload' | 'remoteUpload' | 'transfer' {
  const only = kinds.size === 1 ? [...kinds][0] : undefined
  return only === 'download'
    ? 'download'
    : only === 'upload'
      ? 'upload'
      : only === 'remote-upload'
        ? 'remoteUpload'
        : 'transfer'
}

function nameList(items: readonly FinishedTransfer[], t: DesktopText): string {
  const names = items
    .slice(0, NAMES_SHOWN)
    .map((item) => item.name)
    .join(', ')
  const more = items.length - NAMES_SHOWN
  return more > 0 ? t('notify.more', { names, count: more }) : names
}

function summarize(
  items: readonly FinishedTransfer[],
  outcome: 'completed' | 'failed',
  t: DesktopText,
): DesktopNotification {
  const kind = kindKey(new Set(items.map((item) => item.kind)))
  const first = items[0]
  const title = t(`notify.${outcome}.${kind}`, { count: items.length })
  let body = items.length === 1 && first ? first.name : nameList(items, t)
  if (outcome === 'failed' && items.length === 1 && first?.error) {
    body = t('notify.failure', { name: first.name, error: first.error })
  }
  return { outcome, title, body, ids: items.map((item) => item.id) }
}

/** One notification for the finished transfers and, apart, one for the failed ones. */
export function notificationsFor(items: readonly FinishedTransfer[], t: DesktopText): DesktopNotification[] {
  const completed = items.filter((item) => item.outcome === 'completed')
  const failed = items.filter((item) => item.outcome === 'failed')
  const out: DesktopNotification[] = []
  if (completed.length > 0) out.push(summarize(completed, 'completed', t))
  if (failed.length > 0) out.push(summarize(failed, 'failed', t))
  return out
}

/** Timers as the batcher needs them; the app passes `setTimeout`/`clearTimeout`, tests a manual version. */
export interface BatchTimers {
  set(callback: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface NotificationBatcherOptions {
  emit: (notification: DesktopNotification) => void
  timers: BatchTimers
  /** The strings in the language of the moment. */
  text: () => DesktopText
  /** A batch closes once nothing finished for this long… */
  quietMs?: number
  /** …or this long after its first item, whichever comes first. */
  maxWaitMs?: number
}

/**
 * Gathers transfers finishing close together into one notification (and one for failures), so ten
 * files finishing at once make one notification, not ten.
 */
export class NotificationBatcher {
  readonly #options: Required<NotificationBatcherOptions>
  #pending: FinishedTransfer[] = []
  #quiet: unknown = null
  #deadline: unknown = null

  constructor(options: NotificationBatcherOptions) {
    this.#options = { quietMs: 1500, maxWaitMs: 6000, ...options }
  }

  add(items: readonly FinishedTransfer[]): void {
    if (items.length === 0) return
    this.#pending.push(...items)
    const { timers } = this.#options
    if (this.#quiet !== null) timers.clear(this.#quiet)
    this.#quiet = timers.set(() => this.flush(), this.#options.quietMs)
    this.#deadline ??= timers.set(() => this.flush(), this.#options.maxWaitMs)
  }

  /** Emits what is pending now. */
  flush(): void {
    this.#clearTimers()
    const items = this.#pending
    this.#pending = []
    for (const notification of notificationsFor(items, this.#options.text())) this.#options.emit(notification)
  }

  /** Drops what is pending, without notifying. */
  dispose(): void {
    this.#clearTimers()
    this.#pending = []
  }

  #clearTimers(): void {
    if (this.#quiet !== null) this.#options.timers.clear(this.#quiet)
    if (this.#deadline !== null) this.#options.timers.clear(this.#deadline)
    this.#quiet = null
    this.#deadline = null
  }
}
