import { createInstance, type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { DEFAULT_NAMESPACE, resources, type Language } from '../../shared/i18n/resources'

/**
 * An i18next instance with every string bundled (no loading, so the first render is already
 * translated). Missing keys fall back to English.
 */
export function createI18n(language: Language): i18n {
  const instance = createInstance()
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources,
    defaultNS: DEFAULT_NAMESPACE,
    ns: Object.keys(resources.en),
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
