import { describe, expect, expectTypeOf, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/shared/model/settings'
import { INVOKE_CHANNELS, invokeSchemas, type InvokeInput } from '../../../src/shared/contract'
import { createDispatch } from '../../../src/main/core/ipc/dispatch'
import type { Handlers } from '../../../src/main/core/ipc/handlers'
import { AppError } from '../../../src/main/core/lib/app-error'

/** Handlers that record what reached them, to see exactly what validation let through. */
function recordingHandlers(seen: unknown[]): Handlers {
  const account = {
    hasKey: false,
    storage: 'none',
    encryptionAvailable: true,
    account: null,
    checkedAt: null,
  } as const
  return {
    'app:ready': () => ({ version: '1.0.0', platform: 'linux', apiPausedUntil: null }),
    'account:status': () => account,
    'account:setKey': (input) => {
      seen.push(input)
      if (input.key.startsWith('x'))
        throw new AppError('AUTH_INVALID_KEY', '1fichier does not know this API key.')
      return { ...account, hasKey: true, storage: input.persist }
    },
    'account:clearKey': () => account,
    'transfers:list': () => ({ revision: 0, items: [] }),
    'transfers:add': (input) => {
      seen.push(input)
      return { addedIds: [], duplicates: [], rejected: [] }
    },
    'transfers:pause': (input) => {
      seen.push(input)
      return { affected: [] }
    },
    'transfers:resume': () => ({ affected: [] }),
    'transfers:cancel': () => ({ affected: [] }),
    'transfers:reorder': () => ({ affected: [] }),
    'transfers:setPassword': () => ({ affected: [] }),
    'transfers:open': () => ({ path: '/downloads/a.bin' }),
    'links:check': () => ({ results: [] }),
    'history:list': () => ({ items: [] }),
    'history:clear': () => ({ removed: 0 }),
    'remote:setOptions': () => ({ updated: 1 }),
    'transfers:remove': () => {
      throw new Error('disk exploded at /home/alice/secret')
    },
    'remote:list': (input) => ({
      folderId: input.folderId,
      name: 'Root',
      folders: [],
      files: [],
      cachedAt: null,
    }),
    'remote:createFolder': (input) => ({ id: 7, name: input.name }),
    'remote:rename': (input) => ({ name: input.name }),
    'remote:move': () => ({ moved: 0 }),
    'remote:delete': () => ({ removedFiles: 0, removedFolders: 0 }),
    'remote:share': () => ({ url: 'https://1fichier.com/dir/x' }),
    'dialog:pickFolder': () => ({ path: null }),
    'serverFiles:list': (input) => ({
      roots: [],
      path: input.path,
      parent: null,
      entries: [],
      truncated: false,
    }),
    'settings:get': () => DEFAULT_SETTINGS,
    'settings:update': (patch) => {
      seen.push(patch)
      // Deliberately wrong output, to prove output validation catches it.
      return { ...DEFAULT_SETTINGS, maxActive: -1 }
    },
  }
}

const KEY = 'AbCdEfGh0123456789abcdefghijKLMN'

describe('dispatch', () => {
  it('passes parsed input with defaults to the handler', async () => {
    const seen: unknown[] = []
    const dispatch = createDispatch(recordingHandlers(seen))
    const result = await dispatch('account:setKey', { key: `  ${KEY}\n` })
    expect(result).toEqual({
      ok: true,
      value: {
        hasKey: true,
        storage: 'encrypted',
        encryptionAvailable: true,
        account: null,
        checkedAt: null,
      },
    })
    expect(seen).toEqual([{ key: KEY, persist: 'encrypted' }])
  })

  it('rejects bad payloads with a message naming the field, without calling the handler', async () => {
    const seen: unknown[] = []
    const dispatch = createDispatch(recordingHandlers(seen))

    const badKey = await dispatch('account:setKey', { key: 'short' })
    expect(badKey.ok).toBe(false)
    if (!badKey.ok) {
      expect(badKey.error.code).toBe('INVALID_INPUT')
      expect(badKey.error.message).toMatch(/^Invalid input for account:setKey: key: An API key is 32/)
    }

    const extra = await dispatch('transfers:pause', { ids: ['a'], evil: true })
    expect(extra.ok).toBe(false)

    const emptyIds = await dispatch('transfers:pause', { ids: [] })
    expect(emptyIds.ok).toBe(false)

    const wrongKind = await dispatch('transfers:add', { kind: 'torrent', text: 'x' })
    expect(wrongKind.ok).toBe(false)
    if (!wrongKind.ok) expect(wrongKind.error.message).toContain('kind')

    const badFolder = await dispatch('remote:list', { folderId: -3 })
    expect(badFolder.ok).toBe(false)
    if (!badFolder.ok) expect(badFolder.error.message).toContain('folderId')

    const badSetting = await dispatch('settings:update', { maxActive: 0, theme: 'neon' })
    expect(badSetting.ok).toBe(false)
    if (!badSetting.ok) {
      expect(badSetting.error.message).toContain('maxActive')
      expect(badSetting.error.message).toContain('theme')
    }

    const notAnObject = await dispatch('transfers:list', 'all please')
    expect(notAnObject.ok).toBe(false)

    expect(seen).toEqual([])
  })

  it('answers UNKNOWN_CHANNEL for names outside the contract', async () => {
    const dispatch = createDispatch(recordingHandlers([]))
    for (const name of ['transfers:delete', '__proto__', 'constructor', 42, null]) {
      const result = await dispatch(name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    }
  })

  it('passes AppError codes through and hides unexpected errors', async () => {
    const internal: unknown[] = []
    const dispatch = createDispatch(recordingHandlers([]), { onInternalError: (_c, e) => internal.push(e) })

    const known = await dispatch('account:setKey', { key: `x${KEY.slice(1)}` })
    expect(known).toEqual({
      ok: false,
      error: { code: 'AUTH_INVALID_KEY', message: '1fichier does not know this API key.' },
    })

    const unknown = await dispatch('transfers:remove', { all: true })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) {
      expect(unknown.error.code).toBe('INTERNAL')
      expect(unknown.error.message).not.toContain('/home/alice')
    }
    expect(internal).toHaveLength(1)
  })

  it('checks outputs when asked to', async () => {
    const loose = createDispatch(recordingHandlers([]))
    expect((await loose('settings:update', { maxActive: 2 })).ok).toBe(true)
    const strict = createDispatch(recordingHandlers([]), { validateOutputs: true })
    expect((await strict('settings:update', { maxActive: 2 })).ok).toBe(false)
  })

  it('types channel names and payloads from the contract', () => {
    expectTypeOf<InvokeInput<'remote:list'>>().toEqualTypeOf<{
      folderId: number
      refresh?: boolean | undefined
    }>()
    // @ts-expect-error a misspelt channel is not a channel
    const misspelt: InvokeInput<'transfers:ad'> = {}
    // @ts-expect-error a wrong payload is a type error
    const wrongPayload: InvokeInput<'remote:list'> = { folder: 0 }
    expect([misspelt, wrongPayload]).toHaveLength(2)
    // One schema per channel name, and no other.
    expect(Object.keys(invokeSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort())
  })
})
