import { formatSpeed } from '../../shared/format/format-bytes'
import type { Core } from '../core/create-core'

/** Says on stderr that the alternative limits of the schedule slow this command down, and to what. */
export function altSpeedNote(core: Core, direction: 'download' | 'upload'): string | null {
  if (!core.altSpeed.active) return null
  const rate =
    direction === 'download' ? core.engine.settings.downloadLimit : core.engine.settings.uploadLimit
  return `alternative speed limits in force (schedule): ${direction}s at ${rate === 0 ? 'full speed' : formatSpeed(rate)}`
}
