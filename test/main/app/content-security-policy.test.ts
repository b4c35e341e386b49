import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  withContentSecurityPolicy,
} from '../../../src/main/app/content-security-policy'

const packaged = { devServerUrl: null, indexFileUrl: 'file:///opt/fichier/out/renderer/index.html' }
const dev = { devServerUrl: 'http://localhost:5173', indexFileUrl: packaged.indexFileUrl }

describe('the Content Security Policy header', () => {
  it('is added to our page, bundled or from the dev server, replacing whatever policy came with it', () => {
    expect(withContentSecurityPolicy(packaged.indexFileUrl, {}, packaged)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    expect(
      withContentSecurityPolicy(
        'http://localhost:5173/src/main.tsx',
        { 'content-type': ['text/javascript'], 'content-security-policy': ['default-src *'] },
        dev,
      ),
    ).toEqual({ 'content-type': ['text/javascript'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('leaves every other response alone', () => {
    expect(withContentSecurityPolicy('https://1fichier.com/', { a: ['b'] }, dev)).toBeNull()
    expect(withContentSecurityPolicy('file:///etc/passwd', {}, packaged)).toBeNull()
    expect(withContentSecurityPolicy('http://localhost:5173/', {}, packaged)).toBeNull()
  })

  it('forbids framing and inline or foreign scripts, and is the policy of the <meta> tag as well', async () => {
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    const html = await readFile('src/renderer/index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
  })
})
