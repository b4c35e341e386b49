import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMinute, parseMinute, type ScheduleSlot } from '../../../shared/model/speed-schedule'

/** Weekdays in the order a week is read in the interface's language (Monday first in French, Sunday in English). */
function weekOrder(language: string): number[] {
  return language.toLowerCase().startsWith('fr') ? [1, 2, 3, 4, 5, 6, 0] : [0, 1, 2, 3, 4, 5, 6]
}

/** The short name of weekday `day` (0 = Sunday) in `language`. */
function dayName(day: number, language: string): string {
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2023, 0, 1 + day),
  )
}

const NEW_SLOT: ScheduleSlot = { days: [1, 2, 3, 4, 5], start: 8 * 60, end: 19 * 60 }

/** Edits the weekly slots of the alternative speed limits: days, start and end for each. */
export function ScheduleEditor({
  slots,
  onChange,
}: {
  slots: ScheduleSlot[]
  onChange(slots: ScheduleSlot[]): void
}) {
  const { t, i18n } = useTranslation('settings')
  const labelId = useId()
  const days = weekOrder(i18n.language)
  const change = (index: number, slot: ScheduleSlot) =>
    onChange(slots.map((current, at) => (at === index ? slot : current)))
  const time = (index: number, slot: ScheduleSlot, edge: 'start' | 'end', text: string) => {
    const minute = parseMinute(text)
    if (minute === null || (edge === 'start' && minute >= 24 * 60)) return
    change(index, { ...slot, [edge]: minute })
  }
  return (
    <div className="field schedule" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="field__label">
        {t('labels.speedSchedule')}
      </span>
      <ul className="schedule__slots" aria-label={t('schedule.slots')}>
        {slots.map((slot, index) => (
          <li key={index} className="schedule__slot">
            <span className="schedule__days" role="group" aria-label={t('schedule.days', { n: index + 1 })}>
              {days.map((day) => (
                <label key={day} className="schedule__day">
                  <input
                    type="checkbox"
                    checked={slot.days.includes(day)}
                    disabled={slot.days.length === 1 && slot.days.includes(day)}
                    onChange={(event) =>
                      change(index, {
                        ...slot,
                        days: event.target.checked
                          ? [...slot.days, day].sort()
                          : slot.days.filter((current) => current !== day),
                      })
                    }
                  />
                  {dayName(day, i18n.language)}
                </label>
              ))}
            </span>
            <label className="schedule__time">
              <span>{t('schedule.from')}</span>
              <input
                className="input"
                type="time"
                aria-label={t('schedule.start', { n: index + 1 })}
                value={formatMinute(slot.start)}
                onChange={(event) => time(index, slot, 'start', event.target.value)}
              />
            </label>
            <label className="schedule__time">
              <span>{t('schedule.to')}</span>
              <input
                className="input"
                type="time"
                aria-label={t('schedule.end', { n: index + 1 })}
                value={formatMinute(slot.end % (24 * 60))}
                onChange={(event) =>
                  time(index, slot, 'end', event.target.value === '00:00' ? '24:00' : event.target.value)
                }
              />
            </label>
            <button
              type="button"
              className="button button--small"
              onClick={() => onChange(slots.filter((_, at) => at !== index))}
            >
              {t('schedule.remove', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ul>
      <div>
        <button type="button" className="button" onClick={() => onChange([...slots, NEW_SLOT])}>
          {t('schedule.add')}
        </button>
      </div>
    </div>
  )
}
