import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'
import { createTestService, type TestService } from '../../helpers/test-service'
import { allFinished, waitForTransfers } from '../../helpers/wait-for-transfers'

const KEY = 'OpenKeyOpenKeyOpenKeyOpenKeyOp01'

let emulator: RunningEmulator

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, keys: [{ key: KEY, tier: 'premium' }] })
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(() => emulator.control.reset())

/** Downloads `names` through the contract; answers each one's transfer id and link. */
async function download(
  service: TestService,
  names: string[],
): Promise<Map<string, { id: string; url: string }>> {
  const files = new Map<string, { id: string; url: string }>()
  for (const name of names) {
    const file = await emulator.control.createFile({ key: KEY, name, content: `contents of ${name}` })
    const added = await service.bridge.invoke('transfers:add', {
      kind: 'download',
      links: [{ url: file.url }],
    })
    if (!added.ok || !added.value.addedIds[0]) throw new Error(`could not add ${name}`)
    files.set(name, { id: added.value.addedIds[0], url: file.url })
  }
  await waitForTransfers(service.bridge, (items) => allFinished(items) && items.length === names.length)
  return files
}

describe('opening a downloaded file', () => {
  it('asks before a program or a script, naming the file and its link, and opens nothing on "no"', async () => {
    const service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, confirmOpen: false })
    try {
      const files = await download(service, ['setup.exe', 'install.sh', 'Run.AppImage', 'photo.jpg'])
      for (const name of ['setup.exe', 'install.sh', 'Run.AppImage']) {
        const answer = await service.bridge.invoke('transfers:open', { id: files.get(name)?.id ?? '' })
        expect(answer, name).toMatchObject({ ok: false, error: { code: 'OPEN_DECLINED' } })
      }
      expect(service.confirmations.map(({ name, origin }) => ({ name, origin }))).toEqual(
        ['setup.exe', 'install.sh', 'Run.AppImage'].map((name) => ({ name, origin: files.get(name)?.url })),
      )
      expect(service.opened).toEqual([])

      // A photo opens without a question; showing a program in its folder needs none either.
      const photo = await service.bridge.invoke('transfers:open', { id: files.get('photo.jpg')?.id ?? '' })
      const shown = await service.bridge.invoke('transfers:open', {
        id: files.get('setup.exe')?.id ?? '',
        reveal: true,
      })
      expect(photo).toMatchObject({ ok: true })
      expect(shown).toMatchObject({ ok: true })
      expect(service.confirmations).toHaveLength(3)
      expect(service.opened.map((request) => [request.path.split(/[\\/]/).pop(), request.reveal])).toEqual([
        ['photo.jpg', false],
        ['setup.exe', true],
      ])
    } finally {
      await service.close()
    }
  })

  it('opens the program once the user says so', async () => {
    const service = await createTestService({ apiUrl: emulator.apiUrl, key: KEY, confirmOpen: true })
    try {
      const files = await download(service, ['tool.cmd'])
      const answer = await service.bridge.invoke('transfers:open', { id: files.get('tool.cmd')?.id ?? '' })
      expect(answer).toMatchObject({ ok: true })
      expect(service.confirmations.map((asked) => asked.name)).toEqual(['tool.cmd'])
      expect(service.opened.map((request) => request.reveal)).toEqual([false])
    } finally {
      await service.close()
    }
  })
})
