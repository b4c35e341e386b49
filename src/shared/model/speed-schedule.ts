import { z } from 'zod'

/** When the alternative speed limits apply: never, always, or in the slots of the weekly schedule. */
export const AltSpeedMode = z.enum(['off', 'on', 'schedule'])
export type AltSpeedMode = z.infer<typeof AltSpeedMode>

const MINUTES_PER_DAY = 24 * 60

/**
 * One slot of the weekly schedule: on `days` (0 = Sunday … 6 = Saturday), from `start` to `end`, in minutes
 * after local midnight. A slot whose end is not after its start runs over midnight into the next day
 * (`22:00–06:00` on Friday lasts until Saturday 06:00).
 */
export const ScheduleSlot = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    start: z
      .number()
      .int()
      .min(0)
      .max(MINUTES_PER_DAY - 1),
    end: z.number().int().min(0).max(MINUTES_PER_DAY),
  })
  .strict()
  .refine((slot) => slot.start !== slot.end % MINUTES_PER_DAY || slot.end === MINUTES_PER_DAY, {
    message: 'A slot must last at least one minute',
  })
export type ScheduleSlot = z.infer<typeof ScheduleSlot>

export const SpeedSchedule = z.array(ScheduleSlot).max(50)
export type SpeedSchedule = z.infer<typeof SpeedSchedule>

/** A moment in local time: the weekday (0 = Sunday) and the minute of that day. */
export interface LocalMinute {
  day: number
  minute: number
}

/** `ms` as the machine's local weekday and minute. */
export function localMinute(ms: number): LocalMinute {
  const date = new Date(ms)
  return { day: date.getDay(), minute: date.getHours() * 60 + date.getMinutes() }
}

/** Whether `at` falls in `slot` (its start included, its end excluded). */
export function inSlot(slot: ScheduleSlot, at: LocalMinute): boolean {
  if (slot.start < slot.end)
    return slot.days.includes(at.day) && at.minute >= slot.start && at.minute < slot.end
  // Over midnight: the evening part on the slot's days, the morning part on the days after.
  if (slot.days.includes(at.day) && at.minute >= slot.start) return true
  const previous = (at.day + 6) % 7
  return slot.days.includes(previous) && at.minute < slot.end
}

/** Whether the alternative limits apply at `at`. */
export function altLimitsActive(mode: AltSpeedMode, schedule: SpeedSchedule, at: LocalMinute): boolean {
  if (mode === 'on') return true
  if (mode === 'off') return false
  return schedule.some((slot) => inSlot(slot, at))
}

/** `HH:MM` for a minute of the day (`1440` is `24:00`). */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}

/** The minute of the day written as `HH:MM` (`24:00` allowed), or null. */
export function parseMinute(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!match) return null
  const minute = Number(match[1]) * 60 + Number(match[2])
  return Number(match[2]) < 60 && minute <= MINUTES_PER_DAY ? minute : null
}
