import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layer rules of STYLE.md are enforced by ESLint; these tests prove the rules bite.
const eslint = new ESLint({ cwd: process.cwd() })

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
})
