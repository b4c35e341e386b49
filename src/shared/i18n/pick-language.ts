import type { LanguageSetting } from '../model/settings'
import { LANGUAGES, type Language } from './resources'

/**
 * The language to show: the setting when it names one, else the first of the system's preferred
 * languages that the interface speaks (`fr-CA` counts as `fr`), else English.
 */
export function pickLanguage(setting: LanguageSetting, preferred: readonly string[]): Language {
  if (setting !== 'system') return setting
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    const match = LANGUAGES.find((language) => language === base)
    if (match) return match
  }
  return 'en'
}
