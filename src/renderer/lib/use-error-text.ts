import { useTranslation } from 'react-i18next'
import { errors as en } from '../../shared/i18n/locales/en/errors'

type KnownCode = keyof typeof en
const isKnown = (code: string): code is KnownCode => Object.hasOwn(en, code)

/**
 * A transfer's failure in the interface's language: in English the app's own message (it says the most), in
 * another language the translation of its code when there is one, else the app's message as it is.
 */
export function useErrorText(): (error: { code: string; message: string }) => string {
  const { t, i18n } = useTranslation('errors')
  const english = i18n.language.toLowerCase().startsWith('en')
  return (error) => (english || !isKnown(error.code) ? error.message : t(error.code))
}
