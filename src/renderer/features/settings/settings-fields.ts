import { AltSpeedMode } from '../../../shared/model/speed-schedule'
import {
  ConflictPolicy,
  LanguageSetting,
  ThemeSetting,
  UploadDuplicates,
  WhenQueueEmpty,
  type Settings,
} from '../../../shared/model/settings'
import type { settings as en } from '../../../shared/i18n/locales/en/settings'

export type SettingKey = Exclude<keyof Settings, 'version'>
type Options = (typeof en)['options']
export type ChoiceKey = keyof Options
export type GroupId = keyof (typeof en)['groups']
/** The translation key of one option of a choice, e.g. `options.theme.dark`. */
export type OptionLabelKey = { [K in ChoiceKey]: `options.${K}.${keyof Options[K] & string}` }[ChoiceKey]

/** Labels are `labels.<key>`, hints `hints.<key>` (when the settings namespace has one). */
export type SettingsField =
  | { key: SettingKey; kind: 'text'; maxLength: number; folder?: boolean }
  | { key: SettingKey; kind: 'number'; min: number; max: number; scale?: number }
  | { key: SettingKey; kind: 'boolean'; desktopOnly?: true }
  | {
      key: ChoiceKey
      kind: 'choice'
      options: readonly { value: string; label: OptionLabelKey }[]
      desktopOnly?: true
    }
  /** The weekly slots of the alternative limits; the draft holds them as JSON. */
  | { key: 'speedSchedule'; kind: 'schedule' }

export interface SettingsGroup {
  id: GroupId
  fields: SettingsField[]
}

/** A choice whose every value has a label in the settings namespace (checked by the compiler). */
function choice<K extends ChoiceKey>(
  key: K,
  values: readonly (keyof Options[K] & string)[],
): Extract<SettingsField, { kind: 'choice' }> {
  return {
    key,
    kind: 'choice',
    options: values.map((value) => ({ value, label: `options.${key}.${value}` as OptionLabelKey })),
  }
}

/**
 * The form, as data: one entry per setting of the schema, grouped the way people look for them.
 * `desktopOnly` settings (tray, clipboard, the computer's power) are not shown in a browser.
 */
export const SETTINGS_GROUPS: SettingsGroup[] = [
  {
    id: 'downloads',
    fields: [
      { key: 'downloadDir', kind: 'text', maxLength: 4096, folder: true },
      { key: 'maxActive', kind: 'number', min: 1, max: 20 },
      { key: 'connectionsPerFile', kind: 'number', min: 1, max: 16 },
      { key: 'accountConnections', kind: 'number', min: 1, max: 30 },
      choice('conflict', ConflictPolicy.options),
    ],
  },
  {
    id: 'uploads',
    fields: [choice('uploadDuplicates', UploadDuplicates.options)],
  },
  {
    id: 'limits',
    fields: [
      { key: 'downloadLimit', kind: 'number', min: 0, max: 10 * 1024 ** 2, scale: 1024 },
      { key: 'uploadLimit', kind: 'number', min: 0, max: 10 * 1024 ** 2, scale: 1024 },
      choice('altSpeedMode', AltSpeedMode.options),
      { key: 'altDownloadLimit', kind: 'number', min: 0, max: 10 * 1024 ** 2, scale: 1024 },
      { key: 'altUploadLimit', kind: 'number', min: 0, max: 10 * 1024 ** 2, scale: 1024 },
      { key: 'speedSchedule', kind: 'schedule' },
    ],
  },
  {
    id: 'behaviour',
    fields: [
      { ...choice('whenQueueEmpty', WhenQueueEmpty.options), desktopOnly: true },
      { key: 'notifications', kind: 'boolean' },
      { key: 'clipboardWatch', kind: 'boolean', desktopOnly: true },
      { key: 'keepAwake', kind: 'boolean', desktopOnly: true },
      { key: 'closeToTray', kind: 'boolean', desktopOnly: true },
      { key: 'startMinimized', kind: 'boolean', desktopOnly: true },
      { key: 'startAtLogin', kind: 'boolean', desktopOnly: true },
    ],
  },
  {
    id: 'appearance',
    fields: [choice('theme', ThemeSetting.options), choice('language', LanguageSetting.options)],
  },
]
