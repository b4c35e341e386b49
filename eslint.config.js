import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

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
    // Type-aware rules on the product's code: a promise is awaited, returned or handed to something that handles it.
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // No import cycles in the product's code (type-only imports included: they still couple the modules).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': 'error' },
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
