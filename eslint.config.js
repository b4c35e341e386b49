import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Layering rules from STYLE.md, enforced here rather than described in a README. */
const coreRestrictions = {
  paths: [
    { name: 'electron', message: 'src/main/core runs under plain Node: take what you need as a port.' },
    { name: 'electron-store', message: 'src/main/core runs under plain Node: use the SettingsPort.' },
  ],
  patterns: [
    {
      group: ['**/main/app', '**/main/app/**', '../app', '../app/**', '../../app/**'],
      message: 'core may not import the Electron shell.',
    },
  ],
}

const sharedRestrictions = {
  patterns: [
    { group: ['node:*'], message: 'src/shared is pure: no Node built-ins.' },
    { group: ['electron', 'electron-store'], message: 'src/shared is pure: no Electron.' },
    {
      group: ['**/main/**', '**/renderer/**', '../main/**', '../renderer/**'],
      message: 'src/shared may not import main or renderer.',
    },
  ],
}

const rendererRestrictions = {
  patterns: [
    { group: ['node:*'], message: 'The renderer has no Node: go through window.fichier.' },
    {
      group: ['electron', 'electron-store'],
      message: 'The renderer may not import Electron: go through window.fichier.',
    },
    {
      group: ['**/main/**', '../main/**', '../../main/**'],
      message: 'The renderer may not import main code.',
    },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'artifacts/**',
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreRestrictions] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedRestrictions] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererRestrictions],
    },
  },
)
