import { describe, expect, it } from 'vitest'
import { confirmsQuit, quitDecision } from '../../../src/main/app/quit-decision'
import { summary } from './queue-fixtures'
import { desktopText } from '../../../src/main/app/desktop-text'

const EN = desktopText('en')

const counts = (c: Parameters<typeof summary>[0]) => summary(c).counts

describe('the quit decision', () => {
  it('quits at once when nothing runs or waits (finished, failed, canceled or paused transfers only)', () => {
    expect(quitDecision(counts({}), 'user', EN)).toEqual({ action: 'quit' })
    expect(quitDecision(counts({ completed: 3, failed: 1, canceled: 2, paused: 4 }), 'user', EN)).toEqual({
      action: 'quit',
    })
  })

  it('asks when the user quits with running transfers, saying they resume on the next start', () => {
    const decision = quitDecision(counts({ active: 2 }), 'user', EN)
    expect(decision).toEqual({
      action: 'ask',
      prompt: {
        message: 'Quit Fichier Desk? 2 transfers are running.',
        detail: 'They stop now and continue where they left off the next time Fichier Desk starts.',
        buttons: ['Quit', 'Keep running'],
        defaultId: 1,
        cancelId: 1,
      },
    })
  })

  it('counts retrying transfers as running and mentions waiting ones', () => {
    const decision = quitDecision(counts({ active: 1, retrying: 0, queued: 3 }), 'user', EN)
    expect(decision.action === 'ask' && decision.prompt.message).toBe(
      'Quit Fichier Desk? 1 transfer is running and 3 waiting.',
    )
    const retry = quitDecision(counts({ retrying: 1 }), 'user', EN)
    expect(retry.action === 'ask' && retry.prompt.message).toBe('Quit Fichier Desk? 1 transfer is running.')
  })

  it('asks about queued transfers alone too', () => {
    const decision = quitDecision(counts({ queued: 1 }), 'user', EN)
    expect(decision.action === 'ask' && decision.prompt.message).toBe(
      'Quit Fichier Desk? 1 transfer is waiting.',
    )
  })

  it('never asks when the queue emptied or the OS ends the session', () => {
    expect(quitDecision(counts({ active: 5 }), 'system', EN)).toEqual({ action: 'quit' })
    expect(quitDecision(counts({ queued: 1 }), 'queue-empty', EN)).toEqual({ action: 'quit' })
  })

  it('quits only on the first button; Escape and closing the box mean stay', () => {
    const decision = quitDecision(counts({ active: 1 }), 'user', EN)
    if (decision.action !== 'ask') throw new Error('expected a question')
    expect(confirmsQuit(0)).toBe(true)
    expect(confirmsQuit(decision.prompt.cancelId)).toBe(false)
    expect(confirmsQuit(decision.prompt.defaultId)).toBe(false)
  })
})
