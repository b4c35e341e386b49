import { describe, expect, it } from 'vitest'
import { externalOpenDecision, isAppUrl } from '../../../src/main/app/navigation-policy'

const packaged = { devServerUrl: null, indexFileUrl: 'file:///opt/fichier/out/renderer/index.html' }
const dev = { devServerUrl: 'http://localhost:5173', indexFileUrl: packaged.indexFileUrl }

describe('navigation policy', () => {
  it('recognises our own page only', () => {
    expect(isAppUrl('file:///opt/fichier/out/renderer/index.html#/settings', packaged)).toBe(true)
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', packaged)).toBe(false)
    expect(isAppUrl('http://localhost:5173/?x=1', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('https://1fichier.com/', dev)).toBe(false)
    expect(isAppUrl('not a url', dev)).toBe(false)
  })

  it('opens only plain https links externally', () => {
    expect(externalOpenDecision('https://1fichier.com/console/params.pl')).toBe('open-external')
    expect(externalOpenDecision('http://1fichier.com/')).toBe('deny')
    expect(externalOpenDecision('file:///etc/passwd')).toBe('deny')
    expect(externalOpenDecision('javascript:alert(1)')).toBe('deny')
    expect(externalOpenDecision('https://user:pw@example.com/')).toBe('deny')
    expect(externalOpenDecision('smb://host/share')).toBe('deny')
  })
})

describe('web preferences', () => {
  it('isolate and sandbox the page, with no Node and no webviews', async () => {
    const { secureWebPreferences } = await import('../../../src/main/app/web-preferences')
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    })
  })
})
