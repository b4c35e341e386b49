import {
  ConflictPolicy,
  LanguageSetting,
  ThemeSetting,
  UploadDuplicates,
  WhenQueueEmpty,
  type Settings,
} from '../../../shared/model/settings'

type Key = Exclude<keyof Settings, 'version'>

export type SettingsField =
  | { key: Key; kind: 'text'; label: string; hint?: string }
  | { key: Key; kind: 'number'; label: string; hint?: string; min: number; max: number; scale?: number }
  | { key: Key; kind: 'boolean'; label: string; hint?: string }
  | {
      key: Key
      kind: 'choice'
      label: string
      hint?: string
      options: readonly { value: string; label: string }[]
    }

export interface SettingsGroup {
  title: string
  fields: SettingsField[]
}

const choices = (values: readonly string[], labels: Record<string, string>) =>
  values.map((value) => ({ value, label: labels[value] ?? value }))

/** The form, as data: one entry per setting of the schema, grouped the way people look for them. */
export const SETTINGS_GROUPS: SettingsGroup[] = [
  {
    title: 'Downloads',
    fields: [
      {
        key: 'downloadDir',
        kind: 'text',
        label: 'Download folder',
        hint: 'Empty: the system’s Downloads folder.',
      },
      { key: 'maxActive', kind: 'number', label: 'Transfers at once', min: 1, max: 20 },
      { key: 'connectionsPerFile', kind: 'number', label: 'Connections per file', min: 1, max: 16 },
      {
        key: 'accountConnections',
        kind: 'number',
        label: 'Connections for the whole account',
        min: 1,
        max: 30,
      },
      {
        key: 'conflict',
        kind: 'choice',
        label: 'When a file already exists',
        options: choices(ConflictPolicy.options, {
          rename: 'Keep both (rename)',
          overwrite: 'Overwrite',
          skip: 'Skip',
        }),
      },
    ],
  },
  {
    title: 'Uploads',
    fields: [
      {
        key: 'uploadDuplicates',
        kind: 'choice',
        label: 'When the same file (name and size) is already in the folder',
        options: choices(UploadDuplicates.options, { upload: 'Upload it anyway', skip: 'Skip it' }),
      },
    ],
  },
  {
    title: 'Speed limits',
    fields: [
      {
        key: 'downloadLimit',
        kind: 'number',
        label: 'Download limit (KB/s)',
        hint: '0: unlimited.',
        min: 0,
        max: 10 * 1024 ** 2,
        scale: 1024,
      },
      {
        key: 'uploadLimit',
        kind: 'number',
        label: 'Upload limit (KB/s)',
        hint: '0: unlimited.',
        min: 0,
        max: 10 * 1024 ** 2,
        scale: 1024,
      },
    ],
  },
  {
    title: 'Behaviour',
    fields: [
      {
        key: 'whenQueueEmpty',
        kind: 'choice',
        label: 'When the queue is empty',
        options: choices(WhenQueueEmpty.options, {
          nothing: 'Do nothing',
          notify: 'Notify me',
          quit: 'Quit the app',
        }),
      },
      { key: 'notifications', kind: 'boolean', label: 'Show notifications' },
      { key: 'clipboardWatch', kind: 'boolean', label: 'Watch the clipboard for 1fichier links' },
      { key: 'keepAwake', kind: 'boolean', label: 'Keep the computer awake during transfers' },
      { key: 'closeToTray', kind: 'boolean', label: 'Closing the window keeps the app in the tray' },
      { key: 'startMinimized', kind: 'boolean', label: 'Start minimized' },
      { key: 'startAtLogin', kind: 'boolean', label: 'Start at login' },
    ],
  },
  {
    title: 'Appearance',
    fields: [
      {
        key: 'theme',
        kind: 'choice',
        label: 'Theme',
        options: choices(ThemeSetting.options, { system: 'Follow the system', light: 'Light', dark: 'Dark' }),
      },
      {
        key: 'language',
        kind: 'choice',
        label: 'Language',
        options: choices(LanguageSetting.options, {
          system: 'Follow the system',
          en: 'English',
          fr: 'Français',
        }),
      },
    ],
  },
  {
    title: 'Advanced',
    fields: [
      {
        key: 'apiBaseUrl',
        kind: 'text',
        label: 'API address',
        hint: 'Empty: 1fichier’s own API (or FICHIER_API_URL when set).',
      },
    ],
  },
]
