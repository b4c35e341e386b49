import { describe, expect, it } from 'vitest'
import { isSameOrigin } from '../../../../src/main/server/auth/same-origin'

describe('same-origin check of a state-changing request', () => {
  it('passes a page of this host, whatever the form of its address', () => {
    expect(isSameOrigin({ origin: 'http://127.0.0.1:8383', host: '127.0.0.1:8383' })).toBe(true)
    expect(isSameOrigin({ origin: 'http://[::1]:8383', host: '[::1]:8383' })).toBe(true)
    expect(isSameOrigin({ origin: 'https://NAS.example', host: 'nas.example' })).toBe(true)
    expect(isSameOrigin({ origin: 'https://nas.example', host: 'nas.example:443' })).toBe(true)
    expect(isSameOrigin({ origin: 'http://nas.example', host: 'nas.example:80' })).toBe(true)
    expect(isSameOrigin({ 'sec-fetch-site': 'same-origin', origin: 'http://a:1', host: 'a:1' })).toBe(true)
    // Chromium's own-page form post under Referrer-Policy: no-referrer.
    expect(isSameOrigin({ 'sec-fetch-site': 'same-origin', origin: 'null', host: 'a:1' })).toBe(true)
    // Not a browser's request: nothing to forge.
    expect(isSameOrigin({ host: 'nas.example' })).toBe(true)
  })

  it('refuses another host, another port, an opaque origin, or a browser that says cross-site', () => {
    expect(isSameOrigin({ origin: 'https://evil.example', host: 'nas.example' })).toBe(false)
    expect(isSameOrigin({ origin: 'http://127.0.0.1:9999', host: '127.0.0.1:8383' })).toBe(false)
    expect(isSameOrigin({ origin: 'https://nas.example:8443', host: 'nas.example' })).toBe(false)
    expect(isSameOrigin({ origin: 'null', host: 'nas.example' })).toBe(false)
    expect(isSameOrigin({ origin: 'file://', host: 'nas.example' })).toBe(false)
    expect(isSameOrigin({ origin: 'https://nas.example' })).toBe(false)
    expect(isSameOrigin({ 'sec-fetch-site': 'cross-site', host: 'nas.example' })).toBe(false)
    expect(isSameOrigin({ 'sec-fetch-site': 'same-site', host: 'nas.example' })).toBe(false)
    // The header a page cannot forge wins over an Origin that looks right.
    expect(isSameOrigin({ 'sec-fetch-site': 'cross-site', origin: 'http://a:1', host: 'a:1' })).toBe(false)
  })
})
