import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HistoryOutput } from '../../../src/main/cli/json-output'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { runCli } from './cli-process'

const KEY = 'HistCliKeyHistCliKeyHistCliKey01'

let emulator: RunningEmulator
let work: string

beforeAll(async () => {
  emulator = await startEmulator({ keys: [{ key: KEY, tier: 'premium' }] })
  work = await mkdtemp(join(tmpdir(), 'fd-cli-history-'))
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('fichier history', () => {
  it('lists what earlier commands finished, with links, without a key or an API call', async () => {
    const state = join(work, 'state')
    const empty = await runCli(['history', '--state-dir', state, '--json'])
    expect(empty.code, empty.stderr).toBe(0)
    expect(HistoryOutput.parse(JSON.parse(empty.stdout)).items).toEqual([])

    const file = await emulator.control.createFile({
      key: KEY,
      name: 'notes.txt',
      content: 'kept in history\n',
    })
    const env = { FICHIER_API_KEY: KEY, FICHIER_API_URL: emulator.apiUrl }
    const download = await runCli(['download', file.url, '--out', join(work, 'out'), '--state-dir', state], {
      env,
    })
    expect(download.code, download.stderr).toBe(0)

    const requestsBefore = Object.values(emulator.control.stats().requests).reduce((sum, n) => sum + n, 0)
    const listed = await runCli(['history', '--state-dir', state, '--json'])
    expect(listed.code, listed.stderr).toBe(0)
    const items = HistoryOutput.parse(JSON.parse(listed.stdout)).items
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      kind: 'download',
      name: 'notes.txt',
      size: 16,
      link: file.url,
      place: join(work, 'out'),
    })
    expect(items[0]?.finishedAt).toBeGreaterThan(Date.now() - 120_000)

    const text = await runCli(['history', '--state-dir', state])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}Z  download  16 B  ${file.url.replace(/[?.]/g, '\\$&')}  notes.txt\\n$`,
      ),
    )
    const requestsAfter = Object.values(emulator.control.stats().requests).reduce((sum, n) => sum + n, 0)
    expect(requestsAfter).toBe(requestsBefore)
  }, 120_000)
})
