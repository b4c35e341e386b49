import { eventSchemas, type EventChannel } from '../../../shared/contract'
import { describeIssues } from '../../core/ipc/dispatch'

/** Why `payload` breaks the contract of event `channel`, or null when it is fine. */
export function eventViolation(channel: EventChannel, payload: unknown): string | null {
  const checked = eventSchemas[channel].safeParse(payload)
  return checked.success
    ? null
    : `[ipc] event ${channel} broke the contract: ${describeIssues(checked.error)}`
}
