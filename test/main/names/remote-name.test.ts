import { describe, expect, it } from 'vitest'
import { renamedNote, sameRemoteName, toRemoteName } from '../../../src/shared/names/remote-name'

describe('names as 1fichier accepts them', () => {
  it.each([
    ['plain name.txt', 'plain name.txt'],
    ['it\'s $5 <cheap> "deal".txt', 'it＇s ＄5 ＜cheap＞ ＂deal＂.txt'],
    ['back\\slash `tick`', 'back＼slash ｀tick｀'],
    [' padded ', '␠padded␠'],
    ['  two', '␠ two'],
    [' ', '␠'],
  ])('%j → %j', (local, remote) => {
    expect(toRemoteName(local)).toBe(remote)
    expect(toRemoteName(remote)).toBe(remote)
  })

  it('matches a remote name made from a local one, and a name that needed nothing', () => {
    expect(sameRemoteName('$ales', '＄ales')).toBe(true)
    expect(sameRemoteName('sales', 'sales')).toBe(true)
    expect(sameRemoteName('$ales', 'ales')).toBe(false)
  })

  it('says so only when a name changed', () => {
    expect(renamedNote('fine.txt')).toBeNull()
    expect(renamedNote("l'été.txt")).toMatch(/Named “l＇été\.txt” on 1fichier/)
  })
})
