import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useStatus } from '../stores/stores-context'
import { pickLanguage } from '../../shared/i18n/pick-language'

/** Follows the `language` setting (or the system's languages) and keeps `<html lang>` in step. */
export function useLanguage(): void {
  const setting = useStatus((state) => state.settings?.language ?? 'system')
  const { i18n } = useTranslation()
  useEffect(() => {
    const language = pickLanguage(setting, navigator.languages)
    if (i18n.language !== language) void i18n.changeLanguage(language)
    document.documentElement.lang = language
  }, [setting, i18n])
}
