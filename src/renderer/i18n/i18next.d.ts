import type { resources, DEFAULT_NAMESPACE } from '../../shared/i18n/resources'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof DEFAULT_NAMESPACE
    resources: (typeof resources)['en']
  }
}
