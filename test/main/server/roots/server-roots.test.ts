import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openServerRoots, type ServerRoots } from '../../../../src/main/server/roots/index'

let work: string
/** The served folder. */
let root: string
/** Beside it, never served: a stand-in for /etc or a home folder. */
let outside: string
let roots: ServerRoots

beforeAll(async () => {
  work = await realpath(await mkdtemp(join(tmpdir(), 'fd-roots-')))
  root = join(work, 'media')
  outside = join(work, 'private')
  await mkdir(join(root, 'films'), { recursive: true })
  await mkdir(outside)
  await writeFile(join(root, 'notes.txt'), 'hello')
  await writeFile(join(root, 'films', 'clip.mkv'), Buffer.alloc(1234))
  await writeFile(join(outside, 'secret.txt'), 'secret')
  await symlink(join(root, 'films', 'clip.mkv'), join(root, 'clip-link.mkv'))
  await symlink(join(outside, 'secret.txt'), join(root, 'secret-link.txt'))
  await symlink(outside, join(root, 'private-link'))
  await symlink(join(work, 'nothing-here'), join(root, 'dangling'))
  roots = await openServerRoots([root])
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  )

describe('server roots: listing', () => {
  it('lists the roots themselves for no path', async () => {
    const listing = await roots.list(null)
    expect(listing).toMatchObject({ roots: [root], path: null, parent: null, truncated: false })
    expect(listing.entries).toEqual([
      { name: 'media', path: root, kind: 'folder', size: null, modifiedAt: expect.any(Number) },
    ])
  })

  it('lists a root: folders first, sizes of files, links inside followed, links out and to nothing unusable', async () => {
    const listing = await roots.list(root)
    expect(listing.path).toBe(root)
    expect(listing.parent).toBeNull()
    expect(listing.entries.map(({ name, kind, size }) => ({ name, kind, size }))).toEqual([
      { name: 'films', kind: 'folder', size: null },
      { name: 'clip-link.mkv', kind: 'file', size: 1234 },
      { name: 'dangling', kind: 'other', size: null },
      { name: 'notes.txt', kind: 'file', size: 5 },
      { name: 'private-link', kind: 'other', size: null },
      { name: 'secret-link.txt', kind: 'other', size: null },
    ])
    expect(listing.entries.find((entry) => entry.name === 'notes.txt')?.path).toBe(join(root, 'notes.txt'))
  })

  it('gives the folder above while it is inside the root', async () => {
    const listing = await roots.list(join(root, 'films'))
    expect(listing.parent).toBe(root)
    expect(listing.entries).toEqual([
      {
        name: 'clip.mkv',
        path: join(root, 'films', 'clip.mkv'),
        kind: 'file',
        size: 1234,
        modifiedAt: expect.any(Number),
      },
    ])
  })

  it('refuses to list a folder reached through a link that leads out, and a file', async () => {
    expect(await code(roots.list(join(root, 'private-link')))).toBe('SERVER_PATH_OUTSIDE')
    expect(await code(roots.list(outside))).toBe('SERVER_PATH_OUTSIDE')
    expect(await code(roots.list(join(root, 'notes.txt')))).toBe('SERVER_PATH_NOT_FOLDER')
  })
})

describe('server roots: resolving a path', () => {
  it('gives the real path of a file inside, through a link that stays inside', async () => {
    expect(await roots.resolve(join(root, 'notes.txt'))).toBe(join(root, 'notes.txt'))
    expect(await roots.resolve(join(root, 'clip-link.mkv'))).toBe(join(root, 'films', 'clip.mkv'))
  })

  it('refuses "..", relative paths and NUL characters, whatever they lead to', async () => {
    const dotted = `${root}/../private/secret.txt`
    await expect(roots.resolve(dotted)).rejects.toMatchObject({
      code: 'SERVER_PATH_INVALID',
      message: `"${dotted}" contains "..", which is not accepted.`,
    })
    expect(await code(roots.resolve(`${root}/films/..`))).toBe('SERVER_PATH_INVALID')
    expect(await code(roots.resolve('notes.txt'))).toBe('SERVER_PATH_INVALID')
    expect(await code(roots.resolve(`${root}/notes.txt\0`))).toBe('SERVER_PATH_INVALID')
  })

  it('refuses absolute paths outside the roots, and links that lead out', async () => {
    await expect(roots.resolve(join(outside, 'secret.txt'))).rejects.toMatchObject({
      code: 'SERVER_PATH_OUTSIDE',
      message: expect.stringContaining('not inside the folders this server shares'),
    })
    expect(await code(roots.resolve('/etc/passwd'))).toBe('SERVER_PATH_OUTSIDE')
    await expect(roots.resolve(join(root, 'secret-link.txt'))).rejects.toMatchObject({
      code: 'SERVER_PATH_OUTSIDE',
      message: expect.stringContaining('through a symbolic link'),
    })
    expect(await code(roots.resolve(join(root, 'private-link', 'secret.txt')))).toBe('SERVER_PATH_OUTSIDE')
  })

  it('says when a path inside does not exist', async () => {
    expect(await code(roots.resolve(join(root, 'missing.txt')))).toBe('SERVER_PATH_NOT_FOUND')
    expect(await code(roots.resolve(join(root, 'dangling')))).toBe('SERVER_PATH_NOT_FOUND')
  })

  it('serves a root given through a link under the name given, and checks against where it really is', async () => {
    const alias = join(work, 'media-alias')
    await symlink(root, alias)
    const aliased = await openServerRoots([alias])
    expect((await aliased.list(null)).roots).toEqual([alias])
    expect((await aliased.list(alias)).entries.map((entry) => entry.path)).toContain(join(alias, 'notes.txt'))
    expect(await aliased.resolve(join(alias, 'notes.txt'))).toBe(join(root, 'notes.txt'))
    expect(await code(aliased.resolve(join(alias, 'secret-link.txt')))).toBe('SERVER_PATH_OUTSIDE')
  })
})

describe('server roots: opening', () => {
  it('refuses a root that does not exist or is not a folder', async () => {
    await expect(openServerRoots([join(work, 'absent')])).rejects.toMatchObject({
      code: 'ROOT_INVALID',
      message: `--root ${join(work, 'absent')}: no such folder.`,
    })
    await expect(openServerRoots([join(root, 'notes.txt')])).rejects.toMatchObject({ code: 'ROOT_INVALID' })
  })
})
