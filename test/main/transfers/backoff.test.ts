import { describe, expect, it } from 'vitest'
import { backoff } from '../../../src/main/core/lib/backoff'
import { retryDelay } from '../../../src/main/core/fichier/retry-delay'
import { TRANSFER_BACKOFF } from '../../../src/main/core/transfers/transfer-backoff'

describe('backoff (exponential, equal jitter)', () => {
  it('waits between half and all of a ceiling that doubles per attempt, up to the maximum', () => {
    const policy = { baseMs: 1000, maxMs: 30_000 }
    expect([1, 2, 3, 4, 5, 6, 9].map((attempt) => backoff(attempt, policy, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000, 15_000,
    ])
    expect([1, 2, 3, 4, 5, 6, 9].map((attempt) => backoff(attempt, policy, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ])
    expect(backoff(3, policy, () => 0.5)).toBe(3000)
  })

  it('is the one function behind the API client and the transfers', () => {
    const policy = { attempts: 4, baseMs: 500, maxMs: 10_000 }
    for (const attempt of [1, 2, 3, 7]) {
      expect(retryDelay(attempt, policy, { now: 0, random: () => 0.25 })).toBe(
        backoff(attempt, policy, () => 0.25),
      )
    }
    expect(backoff(1, TRANSFER_BACKOFF, () => 0)).toBe(500)
  })
})
