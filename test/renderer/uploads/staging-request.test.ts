import { describe, expect, it } from 'vitest'
import {
  readStagingAnswer,
  stagingProgress,
  stagingUrl,
} from '../../../src/renderer/features/uploads/staging-request'

describe('sending a file from the browser to the server', () => {
  it('names the file in the URL, encoded, so that no name becomes a path', () => {
    expect(stagingUrl('Été 2025/../x?.txt')).toBe('/staging/%C3%89t%C3%A9%202025%2F..%2Fx%3F.txt')
  })

  it('reads the path of a stored file, and the reason of a refusal', () => {
    expect(readStagingAnswer(201, '{"path":"/state/staging/a/b.txt"}')).toEqual({
      ok: true,
      path: '/state/staging/a/b.txt',
    })
    expect(
      readStagingAnswer(
        413,
        '{"error":{"code":"STAGING_TOO_LARGE","message":"This file is over the limit."}}',
      ),
    ).toEqual({ ok: false, code: 'STAGING_TOO_LARGE', message: 'This file is over the limit.' })
  })

  it('says what happened when the answer is not the server’s JSON', () => {
    expect(readStagingAnswer(401, '<html>login</html>')).toMatchObject({ ok: false, code: 'STAGING_SESSION' })
    expect(readStagingAnswer(502, 'Bad gateway')).toEqual({
      ok: false,
      code: 'STAGING_FAILED',
      message: 'The server answered HTTP 502.',
    })
    expect(readStagingAnswer(201, '{}')).toMatchObject({ ok: false, code: 'STAGING_FAILED' })
  })

  it('counts progress over all the files of a drop', () => {
    const files = [{ size: 100 }, { size: 300 }]
    expect(stagingProgress(files, 0, 0)).toEqual({ files: 2, sent: 0, total: 400 })
    expect(stagingProgress(files, 100, 150)).toEqual({ files: 2, sent: 250, total: 400 })
    expect(stagingProgress(files, 400, 10)).toEqual({ files: 2, sent: 400, total: 400 })
  })
})
