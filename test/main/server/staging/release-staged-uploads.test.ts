import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServerRoots, uploadSourcesWithin } from '../../../../src/main/server/roots/index'
import { createStaging, type Staging } from '../../../../src/main/server/staging/index'
import { releaseStagedUploads } from '../../../../src/main/server/staging/release-staged-uploads'
import { startEmulator, type RunningEmulator } from '../../../emulator/index'
import { createTestService, type TestService } from '../../../helpers/test-service'
import { waitForTransfers } from '../../../helpers/wait-for-transfers'
import { put, serveStaging, type StagingServer } from './staging-http'

const KEY = 'StagedUpKeyStagedUpKeyStagedUp01'

let emulator: RunningEmulator
let state: string
let staging: Staging
let server: StagingServer
let service: TestService

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  state = await mkdtemp(join(tmpdir(), 'fd-staged-uploads-'))
  staging = await createStaging({ stateDir: state, maxBytes: 1024 * 1024, log: () => undefined })
  server = await serveStaging(staging)
  service = await createTestService({
    apiUrl: emulator.apiUrl,
    key: KEY,
    uploadSources: uploadSourcesWithin(await openServerRoots([staging.dir])),
  })
})

afterAll(async () => {
  await service.close()
  await server.close()
  await emulator.stop()
  await rm(state, { recursive: true, force: true })
})

async function stage(name: string, text: string): Promise<string> {
  const answer = await put(server.port, `/staging/${name}`, {
    headers: { 'X-File-Size': String(text.length) },
    chunks: [Buffer.from(text)],
  })
  if (!answer.json?.path) throw new Error(`not staged: ${JSON.stringify(answer)}`)
  return answer.json.path
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('staged files follow their uploads', () => {
  it('clears what no upload names at start, then releases each file once its upload completes or is removed', async () => {
    await mkdir(join(staging.dir, 'left-by-a-crash'))
    await writeFile(join(staging.dir, 'left-by-a-crash', 'old.bin'), 'old')
    const stop = await releaseStagedUploads(service.service, staging, () => undefined)
    try {
      expect(await readdir(staging.dir)).toEqual([])

      const sent = await stage('sent.txt', 'goes up now')
      const kept = await stage('kept.txt', 'waits, paused')
      const [now, later] = await Promise.all([
        service.bridge.invoke('transfers:add', { kind: 'upload', paths: [sent], folderId: 0 }),
        service.bridge.invoke('transfers:add', { kind: 'upload', paths: [kept], folderId: 0, start: false }),
      ])
      expect(now).toMatchObject({ ok: true, value: { rejected: [] } })
      expect(later).toMatchObject({ ok: true, value: { rejected: [] } })
      await waitForTransfers(service.bridge, (items) =>
        items.some((item) => item.name === 'sent.txt' && item.status === 'completed'),
      )
      await until(async () => (await readdir(staging.dir)).length === 1)
      expect(await readdir(staging.dir)).toEqual([dirname(kept).slice(staging.dir.length + 1)])
      expect(emulator.control.listFiles(KEY).map((file) => file.name)).toEqual(['sent.txt'])

      const paused = service.core.engine.list().items.find((item) => item.name === 'kept.txt')
      await service.bridge.invoke('transfers:remove', { ids: [paused?.id ?? ''] })
      await until(async () => (await readdir(staging.dir)).length === 0)
    } finally {
      stop()
    }
  })
})
