import { describe, expect, it } from 'vitest'
import { eventViolation } from '../../../src/main/app/ipc/event-check'
import { refusedSenderLog, senderOrigin } from '../../../src/main/app/ipc/refused-senders'

describe('refused IPC senders', () => {
  it('are logged once per origin, whatever the channel or how often they call', () => {
    const lines: string[] = []
    const refused = refusedSenderLog((line) => lines.push(line))
    expect(refused('https://evil.example/a?x=1', 'settings:update', 'not our page')).toBe(true)
    expect(refused('https://evil.example/b', 'account:setKey', 'not our page')).toBe(false)
    for (let n = 0; n < 1000; n++) refused('https://evil.example/', 'transfers:add', 'not our page')
    expect(refused('file:///tmp/x.html', 'transfers:list', 'a sub-frame')).toBe(true)
    expect(refused(undefined, 'transfers:list', 'not our page')).toBe(true)
    expect(lines).toEqual([
      '[ipc] refused settings:update from https://evil.example (not our page); further calls from there are refused silently',
      '[ipc] refused transfers:list from file:///tmp/x.html (a sub-frame); further calls from there are refused silently',
      '[ipc] refused transfers:list from (no frame) (not our page); further calls from there are refused silently',
    ])
  })

  it('are named by origin, never by a query that could carry data', () => {
    expect(senderOrigin('https://evil.example:8443/p?key=secret#x')).toBe('https://evil.example:8443')
    expect(senderOrigin('garbage')).toBe('(not a URL)')
    expect(senderOrigin(`file:///${'a'.repeat(500)}`)).toHaveLength(201)
  })
})

describe('events in development builds', () => {
  it('are checked against the contract before they leave main', () => {
    expect(eventViolation('api:paused', { until: null, reason: 'resumed' })).toBeNull()
    expect(eventViolation('api:paused', { until: 'soon', reason: 'x' })).toMatch(
      /^\[ipc\] event api:paused broke the contract: until: /,
    )
    expect(eventViolation('app:request', { kind: 'runProgram' })).toMatch(/app:request broke the contract/)
  })
})
