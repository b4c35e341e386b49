import log from 'electron-log/node'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { redactionHook, redactLogData, redactLogValue, redactText } from '../../../src/main/app/log-redaction'

const KEY = 'SecretKeySecretKeySecretKey00001'

describe('log redaction', () => {
  it('masks the key wherever it appears in a line', () => {
    expect(redactText(`GET https://api/v1/user/info.cgi key=${KEY} then ${KEY}`, [KEY])).toBe(
      'GET https://api/v1/user/info.cgi key=[redacted] then [redacted]',
    )
  })

  it('masks bearer tokens and api_key pairs even before the key is known', () => {
    expect(redactText('authorization: Bearer abcdefgh12345678', [])).toBe('authorization: Bearer [redacted]')
    expect(redactText('{"api_key":"abcdefgh12345678"}', [null])).toBe('{"api_key":"[redacted]"}')
    expect(redactText('apikey=zzzzzzzzzzzz&x=1', [])).toBe('apikey=[redacted]&x=1')
  })

  it('leaves ordinary text and non-strings alone', () => {
    expect(redactLogData(['downloaded 3 files', 42, true, null, undefined], [KEY])).toEqual([
      'downloaded 3 files',
      42,
      true,
      null,
      undefined,
    ])
  })

  it('masks errors (message, stack, code) without touching the original', () => {
    const original = Object.assign(new Error(`refused key ${KEY}`), { code: 'AUTH' })
    const copy = redactLogValue(original, [KEY]) as Error & { code: string }
    expect(copy).toBeInstanceOf(Error)
    expect(copy.message).toBe('refused key [redacted]')
    expect(copy.stack).not.toContain(KEY)
    expect(copy.code).toBe('AUTH')
    expect(original.message).toContain(KEY)
  })

  it('masks nested objects and arrays, and survives cycles', () => {
    const request: Record<string, unknown> = {
      headers: { authorization: `Bearer ${KEY}` },
      list: [`x ${KEY}`],
    }
    request['self'] = request
    const copy = redactLogValue(request, [KEY])
    expect(JSON.stringify(copy)).not.toContain(KEY)
    expect(copy).toEqual({
      headers: { authorization: 'Bearer [redacted]' },
      list: ['x [redacted]'],
      self: '[circular]',
    })
  })

  describe('through electron-log, into a real log file', () => {
    let dir: string | undefined
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true })
    })

    it('writes no line holding the key, whatever is logged, and picks up a key set later', async () => {
      dir = await mkdtemp(join(tmpdir(), 'fd-log-'))
      const file = join(dir, 'main.log')
      const logger = log.create({ logId: 'redaction-test' })
      logger.transports.file.resolvePathFn = () => file
      logger.transports.console.level = false
      let secrets: string[] = []
      logger.hooks.push(redactionHook(() => secrets))

      logger.info('starting, no key yet', { header: 'Bearer tokentokentoken1' })
      secrets = [KEY]
      logger.info(`calling with ${KEY}`)
      logger.error(new Error(`rejected ${KEY}`))
      logger.warn('request', {
        options: { headers: { Authorization: `Bearer ${KEY}` } },
        url: `https://x/?k=${KEY}`,
      })

      const text = await readFile(file, 'utf8')
      expect(text).not.toContain(KEY)
      expect(text).not.toContain('tokentokentoken1')
      expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5)
      expect(text).toContain('starting, no key yet')
    })
  })
})
