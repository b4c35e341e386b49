import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
let budgetDir: string
beforeAll(async () => {
  // The emulator's user/info limit on (once per 5 minutes per user), no rate lock in the way.
  env = await startEmulated({ emulator: { rateLimits: { perSecond: 100, burst: 100 } } })
  budgetDir = mkdtempSync(join(tmpdir(), 'fd-account-'))
})
afterAll(async () => {
  await env.close()
  rmSync(budgetDir, { recursive: true, force: true })
})

const reads = (): number => env.emulator.control.stats().requests['/v1/user/info.cgi'] ?? 0

it('two clients of one key (two processes) read the account once; the second answers from the shared details', async () => {
  const first = env.makeClient({ budgetDir })
  const second = env.makeClient({ budgetDir })
  const info = await first.userInfo()
  expect(info.cachedAt).toBeNull()
  const shared = await second.userInfo()
  expect(shared.email).toBe('premium@example.com')
  expect(shared.cachedAt).not.toBeNull()
  expect(reads()).toBe(1)
})

it('a read refused with #38 because another process read it a moment before answers with that read', async () => {
  const dir = mkdtempSync(join(budgetDir, 'race-'))
  env.emulator.control.setRateLimits({ perSecond: 100, burst: 100 })
  const one = env.makeClient({ budgetDir: dir })
  const two = env.makeClient({ budgetDir: dir })
  // Both find no shared details and ask; the first request to arrive is held, so the other one reaches
  // 1fichier first and the held one is refused (#38) once released.
  env.emulator.control.stallNext({ path: '/v1/user/info.cgi', ms: 2000 })
  const before = reads()
  const answers = await Promise.all([one.userInfo(), two.userInfo()])
  expect(reads() - before).toBe(2)
  expect(env.emulator.control.stats().rateLimited).toBe(1)
  expect(answers.map((answer) => answer.email)).toEqual(['premium@example.com', 'premium@example.com'])
  // One read 1fichier; the other answers with that read.
  expect(answers.filter((answer) => answer.cachedAt === null)).toHaveLength(1)
})
