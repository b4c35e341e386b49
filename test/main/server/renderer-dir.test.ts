import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findRendererDir } from '../../../src/main/server/renderer-dir'

let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fd-package-'))
  await writeFile(join(root, 'package.json'), '{}')
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('where the built renderer is', () => {
  it('is found from the bundled command, a chunk of it, and the sources', async () => {
    await mkdir(join(root, 'out', 'renderer'), { recursive: true })
    await writeFile(join(root, 'out', 'renderer', 'index.html'), '<!doctype html>')
    const expected = join(root, 'out', 'renderer')
    for (const file of ['out/main/cli.js', 'out/main/chunks/serve-1.js', 'src/main/server/renderer-dir.ts']) {
      expect(findRendererDir(pathToFileURL(join(root, file)).href), file).toBe(expected)
    }
  })

  it('is said to be missing, with the command that builds it', () => {
    expect(() => findRendererDir(pathToFileURL(join(root, 'out/main/cli.js')).href)).toThrow(
      expect.objectContaining({
        code: 'RENDERER_MISSING',
        message: expect.stringContaining('npm run build'),
      }),
    )
  })
})
