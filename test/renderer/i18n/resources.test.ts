import { describe, expect, it } from 'vitest'
import { createI18n } from '../../../src/renderer/i18n/create-i18n'
import { LANGUAGES, resources } from '../../../src/shared/i18n/resources'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') found.set(path, value)
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text)
  }
  return found
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort()

describe('interface strings', () => {
  const english = leaves(resources.en as unknown as Tree)

  it('has English strings to translate', () => {
    expect(english.size).toBeGreaterThan(5)
  })

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    const translated = leaves(resources[language] as unknown as Tree)

    it(`${language} gives every English key, and no other`, () => {
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort())
    })

    it(`${language} keeps every placeholder of the English text and leaves nothing empty`, () => {
      for (const [key, text] of english) {
        const other = translated.get(key) ?? ''
        expect(other.trim(), `${language}:${key} is empty`).not.toBe('')
        expect(variables(other), `${language}:${key} placeholders`).toEqual(variables(text))
      }
    })
  }

  it('answers in the chosen language', () => {
    const i18n = createI18n('fr')
    expect(i18n.t('shell:sections.settings')).toBe('Réglages')
    void i18n.changeLanguage('en')
    expect(i18n.t('shell:sections.settings')).toBe('Settings')
  })
})
