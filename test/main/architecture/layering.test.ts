import { randomUUID } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layer rules of STYLE.md are enforced by ESLint; these tests prove the rules bite.
// Text probes do not exist on disk, so the type-aware rules are off for them; the typed and cycle rules are
// proved on real files written into src/ for the duration of one test.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
})
const typedEslint = new ESLint({ cwd: process.cwd() })

/** Writes probe files under src/main/core (named to avoid any real module), lints them, and removes them. */
async function lintProbeFiles(files: Record<string, string>): Promise<ESLint.LintResult[]> {
  const tag = randomUUID().slice(0, 8)
  const paths = Object.keys(files).map((name) =>
    join(process.cwd(), 'src/main/core', `lint-probe-${tag}-${name}.ts`),
  )
  const sources = Object.values(files).map((code) => code.replaceAll('{tag}', tag))
  try {
    await Promise.all(paths.map((path, index) => writeFile(path, sources[index] ?? '')))
    return await typedEslint.lintFiles(paths)
  } finally {
    await Promise.all(paths.map((path) => rm(path, { force: true })))
  }
}

async function restrictedImportMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layering rules', () => {
  it('refuses electron in src/main/core', async () => {
    const messages = await restrictedImportMessages(
      "import { app } from 'electron'\nexport const name = app.name\n",
      'src/main/core/probe.ts',
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('plain Node')
  })

  it('refuses electron-store and the shell in src/main/core', async () => {
    const messages = await restrictedImportMessages(
      "import Store from 'electron-store'\nimport { createMainWindow } from '../app/windows'\nexport const x = [Store, createMainWindow]\n",
      'src/main/core/probe.ts',
    )
    expect(messages).toHaveLength(2)
  })

  it('lets src/main/app import electron', async () => {
    const messages = await restrictedImportMessages(
      "import { app } from 'electron'\nexport const name = app.name\n",
      'src/main/app/probe.ts',
    )
    expect(messages).toEqual([])
  })

  it('keeps src/shared free of Node and of main', async () => {
    const messages = await restrictedImportMessages(
      "import { readFile } from 'node:fs/promises'\nimport { createService } from '../main/core/service'\nexport const x = [readFile, createService]\n",
      'src/shared/probe.ts',
    )
    expect(messages).toHaveLength(2)
  })

  it('keeps the renderer away from electron, node and main', async () => {
    const messages = await restrictedImportMessages(
      "import { ipcRenderer } from 'electron'\nimport { join } from 'node:path'\nimport { createService } from '../main/core/service'\nexport const x = [ipcRenderer, join, createService]\n",
      'src/renderer/probe.ts',
    )
    expect(messages).toHaveLength(3)
  })

  it('refuses a promise left floating in the product code', async () => {
    const results = await lintProbeFiles({
      a: 'async function work(): Promise<number> {\n  return 1\n}\nexport function start(): void {\n  work()\n}\n',
    })
    const rules = results.flatMap((r) => r.messages.map((m) => m.ruleId))
    expect(rules).toContain('@typescript-eslint/no-floating-promises')
  }, 120_000)

  it('refuses an import cycle in the product code', async () => {
    const results = await lintProbeFiles({
      a: "import { b } from './lint-probe-{tag}-b'\nexport const a = (): number => b() + 1\n",
      b: "import { a } from './lint-probe-{tag}-a'\nexport const b = (): number => (a.length > 5 ? 0 : 1)\n",
    })
    const rules = results.flatMap((r) => r.messages.map((m) => m.ruleId))
    expect(rules).toContain('import-x/no-cycle')
  }, 120_000)
})
