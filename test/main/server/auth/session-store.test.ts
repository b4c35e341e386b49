import { describe, expect, it } from 'vitest'
import { SessionStore } from '../../../../src/main/server/auth/session-store'

describe('session store', () => {
  it('holds a bounded number of sessions, ending the one used longest ago', () => {
    let now = 0
    const store = new SessionStore({ idleMs: 60_000, absoluteMs: 120_000, maxSessions: 3 }, () => now)
    const [a, b, c] = [store.create(), store.create(), store.create()]
    now = 1
    expect(store.touch(a)).toBe(true)
    const d = store.create()
    expect(store.size).toBe(3)
    expect(store.touch(b)).toBe(false)
    expect([a, c, d].every((id) => store.touch(id))).toBe(true)
  })

  it('gives each session a distinct 256-bit id and ends it on logout', () => {
    const store = new SessionStore({ idleMs: 60_000, absoluteMs: 120_000, maxSessions: 10 }, () => 0)
    const ids = new Set(Array.from({ length: 5 }, () => store.create()))
    expect(ids.size).toBe(5)
    for (const id of ids) expect(Buffer.from(id, 'base64url')).toHaveLength(32)
    const [first] = ids
    store.end(first ?? '')
    expect(store.touch(first ?? '')).toBe(false)
    expect(store.size).toBe(4)
  })

  it('tells a watcher at once when the session is not live, and every watcher when it ends', () => {
    const store = new SessionStore({ idleMs: 60_000, absoluteMs: 120_000, maxSessions: 10 }, () => 0)
    const told: string[] = []
    store.watch('not a session', () => told.push('unknown'))
    expect(told).toEqual(['unknown'])
    const id = store.create()
    store.watch(id, () => {
      throw new Error('a failing watcher')
    })
    store.watch(id, () => told.push('second'))
    const stop = store.watch(id, () => told.push('stopped'))
    stop()
    store.end(id)
    expect(told).toEqual(['unknown', 'second'])
  })
})
