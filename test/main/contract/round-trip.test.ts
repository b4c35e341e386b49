import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  INVOKE_CHANNELS,
  invokeSchemas,
  type InvokeChannel,
  type InvokeInput,
} from '../../../src/shared/contract'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { openServerRoots } from '../../../src/main/server/roots/index'
import { createTestService, type TestService } from '../../helpers/test-service'

const KEY = 'RoundTripKeyRoundTripKeyRoundT01'

let emulator: RunningEmulator
let service: TestService
let local: string

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
  local = await mkdtemp(join(tmpdir(), 'fd-roundtrip-'))
  service = await createTestService({
    apiUrl: emulator.apiUrl,
    key: KEY,
    client: { listingIntervalMs: 0 },
    serverFiles: await openServerRoots([local]),
  })
  await writeFile(join(local, 'up.txt'), 'round trip')
})

afterAll(async () => {
  await service.close()
  await emulator.stop()
  await rm(local, { recursive: true, force: true })
})

describe('the in-process bridge', () => {
  it('round-trips every command of the contract against the real core', async () => {
    const file = await emulator.control.createFile({ key: KEY, name: 'rt.txt', content: 'rt' })
    const folder = emulator.control.createFolder({ key: KEY, name: 'rt-folder' })
    const other = emulator.control.createFolder({ key: KEY, name: 'rt-other' })
    await mkdir(service.downloadsDir, { recursive: true })
    // One valid input per command; the mapped type makes a missing command a compile error.
    const inputs: { [C in InvokeChannel]: () => InvokeInput<C> } = {
      'app:ready': () => ({}),
      'account:status': () => ({}),
      'account:setKey': () => ({ key: KEY, persist: 'session' }),
      'account:clearKey': () => ({}),
      'transfers:list': () => ({}),
      'transfers:add': () => ({ kind: 'download', text: file.url, start: false }),
      'transfers:pause': () => ({ all: true }),
      'transfers:resume': () => ({ all: true }),
      'transfers:cancel': () => ({ all: true }),
      'transfers:remove': () => ({ all: true }),
      'transfers:reorder': () => ({ ids: ['no-such-id'], to: 'top' }),
      'transfers:setPassword': () => ({ ids: ['no-such-id'], password: 'secret' }),
      // The download just added is paused: its folder can be shown.
      'transfers:open': () => ({ id: service.core.engine.list().items[0]?.id ?? 'none', reveal: true }),
      'links:check': () => ({ urls: [file.url] }),
      'history:list': () => ({}),
      'history:clear': () => ({ ids: ['no-such-id'] }),
      'remote:list': () => ({ folderId: 0 }),
      'remote:createFolder': () => ({ parentId: 0, name: 'made by round trip' }),
      'remote:rename': () => ({ target: { kind: 'file', url: file.url }, name: 'rt-renamed.txt' }),
      'remote:move': () => ({ selection: { files: [file.url] }, destinationId: other.id }),
      'remote:delete': () => ({ selection: { folders: [folder.id] } }),
      'remote:share': () => ({ folderId: other.id }),
      'remote:setOptions': () => ({ files: [file.url], options: { description: 'round trip' } }),
      'dialog:pickFolder': () => ({}),
      'serverFiles:list': () => ({ path: local }),
      'settings:get': () => ({}),
      'settings:update': () => ({ maxActive: 4 }),
    }
    // account:clearKey last, so that the commands before it have a key.
    const order = [...INVOKE_CHANNELS.filter((c) => c !== 'account:clearKey'), 'account:clearKey' as const]
    for (const channel of order) {
      const result = await service.bridge.invoke(channel, inputs[channel]() as never)
      expect(result, channel).toMatchObject({ ok: true })
      if (result.ok) expect(invokeSchemas[channel].output.safeParse(result.value).success, channel).toBe(true)
    }
    expect(order).toHaveLength(INVOKE_CHANNELS.length)
    const settings = await service.bridge.invoke('settings:get', {})
    expect(settings.ok && settings.value.maxActive).toBe(4)
    expect(
      emulator.control
        .listFolders(KEY)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['made by round trip', 'rt-other'])
  })
})
