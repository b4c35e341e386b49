import * as en from './locales/en'
import * as fr from './locales/fr'

/** Every string of the interface, per language and namespace. English is the reference. */
export const resources = { en, fr } as const

export const LANGUAGES = ['en', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]

export const DEFAULT_NAMESPACE = 'common'
