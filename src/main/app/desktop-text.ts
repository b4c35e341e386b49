import { createInstance } from 'i18next'
import { resources, type Language } from '../../shared/i18n/resources'

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}_${'one' | 'other'}` ? Base : K}`
    : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** A key of the desktop namespace, plural forms named without their `_one`/`_other` suffix. */
export type DesktopKey = Leaves<(typeof resources)['en']['desktop']>

/** The desktop's strings in one language: `t('tray.paused', { count: 2 })`. */
export type DesktopText = (key: DesktopKey, values?: Record<string, string | number>) => string

/**
 * The tray, menus, native dialogs and notifications in `language`, from the same locale files as the window
 * (i18next, with its plural rules); a string missing in a language falls back to English.
 */
export function desktopText(language: Language): DesktopText {
  const instance = createInstance()
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { desktop: resources.en.desktop }, fr: { desktop: resources.fr.desktop } },
    ns: ['desktop'],
    defaultNS: 'desktop',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return (key, values) => instance.t(key, values ?? {})
}

/** The strings and the language they are in (numbers and sizes follow the language too). */
export interface DesktopLocale {
  language: Language
  t: DesktopText
}

export function desktopLocale(language: Language): DesktopLocale {
  return { language, t: desktopText(language) }
}
