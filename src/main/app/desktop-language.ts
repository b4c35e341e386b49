import type { LanguageSetting } from '../../shared/model/settings'
import { pickLanguage } from '../../shared/i18n/pick-language'
import { desktopLocale, type DesktopLocale } from './desktop-text'

/**
 * The desktop's language as the window's: the language setting, else the system's preferred languages.
 * `current` is rebuilt only when the answer changes.
 */
export class DesktopLanguage {
  #cached: DesktopLocale | null = null

  constructor(
    private readonly setting: () => LanguageSetting,
    private readonly systemLanguages: () => readonly string[],
  ) {}

  get current(): DesktopLocale {
    const language = pickLanguage(this.setting(), this.systemLanguages())
    if (this.#cached?.language !== language) this.#cached = desktopLocale(language)
    return this.#cached
  }
}
