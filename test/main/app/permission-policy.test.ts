import { describe, expect, it } from 'vitest'
import { allowPermission } from '../../../src/main/app/permission-policy'

const origin = {
  devServerUrl: null,
  indexFileUrl: 'file:///opt/fichier-desk/resources/app/out/renderer/index.html',
}
const page = 'file:///opt/fichier-desk/resources/app/out/renderer/index.html#/transfers'

describe('allowPermission', () => {
  it('lets our page write to the clipboard', () => {
    expect(allowPermission('clipboard-sanitized-write', page, origin)).toBe(true)
  })

  it('denies every other permission, reading the clipboard included', () => {
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal']) {
      expect(allowPermission(permission, page, origin), permission).toBe(false)
    }
  })

  it('denies other pages, even for the clipboard', () => {
    expect(allowPermission('clipboard-sanitized-write', 'https://evil.example/', origin)).toBe(false)
    expect(allowPermission('clipboard-sanitized-write', 'file:///tmp/other.html', origin)).toBe(false)
    expect(allowPermission('clipboard-sanitized-write', '', origin)).toBe(false)
  })

  it('accepts the development server while developing', () => {
    const dev = { ...origin, devServerUrl: 'http://localhost:5173/' }
    expect(allowPermission('clipboard-sanitized-write', 'http://localhost:5173/index.html', dev)).toBe(true)
    expect(allowPermission('clipboard-sanitized-write', 'http://localhost:5174/', dev)).toBe(false)
  })
})
