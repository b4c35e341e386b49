import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FichierError } from '../../../src/main/core/fichier/fichier-error'
import { startEmulated } from './emulated-client'
import type { Emulated } from './emulated-client'

let env: Emulated
beforeAll(async () => {
  env = await startEmulated()
})
afterAll(() => env.close())

const checksum = 'a'.repeat(128)

describe('odd answers from 1fichier are read, not rejected', () => {
  it('numbers as strings and strings as numbers in user/info', async () => {
    env.emulator.control.failNext({
      path: '/v1/user/info.cgi',
      status: 200,
      body: {
        status: 'OK',
        email: 'x@example.com',
        offer: '2',
        cdn: '12.5',
        use_cdn: '1',
        hot_storage: '1024',
        cold_storage: 2048,
        upload_forbidden: 0,
        overquota: '0',
      },
    })
    const info = await env.makeClient().userInfo()
    expect(info).toMatchObject({
      offer: 2,
      cdnCredits: 12.5,
      useCdn: true,
      hotStorage: 1024,
      coldStorage: 2048,
      uploadForbidden: false,
      availableColdStorage: null,
    })
  })

  it('absent sub_folders and items, size null, count as a string', async () => {
    env.emulator.control.failNext({
      path: '/v1/folder/ls.cgi',
      status: 200,
      body: { status: 'OK', folder_id: '0', name: 'Root', size: null, files: '0' },
    })
    const folder = await env.client.folderList(0, { files: true })
    expect(folder).toMatchObject({
      folderId: 0,
      name: 'Root',
      size: null,
      fileCount: 0,
      subFolders: [],
      items: [],
    })

    env.emulator.control.failNext({
      path: '/v1/file/ls.cgi',
      status: 200,
      body: {
        status: 'OK',
        count: '1',
        items: [
          {
            url: 'https://1fichier.com/?abcde12345',
            filename: 'a',
            size: '10',
            date: '2026-01-01 10:00:00',
            checksum,
            content_type: 'text/plain',
            pass: '1',
            acl: 0,
            cdn: 0,
          },
        ],
      },
    })
    const files = await env.client.fileList(0)
    expect(files.count).toBe(1)
    expect(files.items[0]).toMatchObject({
      size: 10,
      contentType: 'text/plain',
      protected: true,
      restricted: false,
    })

    env.emulator.control.failNext({
      path: '/v1/file/ls.cgi',
      status: 200,
      body: { status: 'OK', count: 0, items: null },
    })
    expect((await env.client.fileList(0)).items).toEqual([])
  })

  it('`content_type` instead of `content-type`, and no status key, in file/info', async () => {
    env.emulator.control.failNext({
      path: '/v1/file/info.cgi',
      status: 200,
      body: {
        url: 'https://1fichier.com/?abcde12345',
        filename: 'b.pdf',
        size: 5,
        date: '2026-01-01 10:00:00',
        checksum,
        content_type: 'application/pdf',
        pass: 0,
      },
    })
    const info = await env.client.fileInfo('https://1fichier.com/?abcde12345')
    expect(info).toMatchObject({ name: 'b.pdf', contentType: 'application/pdf', folderId: null, acl: null })
  })

  it('an HTML page where JSON was expected is retried for a read, then reported as PROTOCOL', async () => {
    const html = '<!DOCTYPE html><html><body>Maintenance</body></html>'
    env.emulator.control.failNext({
      path: '/v1/folder/ls.cgi',
      status: 200,
      body: html,
      headers: { 'content-type': 'text/html' },
    })
    expect((await env.client.folderList(0)).name).toBe('Root')

    env.emulator.control.failNext({
      path: '/v1/folder/ls.cgi',
      status: 200,
      body: html,
      times: 10,
      headers: { 'content-type': 'text/html' },
    })
    const error = await env.client.folderList(0).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FichierError)
    expect(error).toMatchObject({ code: 'PROTOCOL' })
    env.emulator.control.reset()
  })

  it('transient 5xx are retried for reads but never for a folder creation', async () => {
    const before = env.emulator.control.stats().requests['/v1/folder/mkdir.cgi'] ?? 0
    env.emulator.control.failNext({ path: '/v1/folder/mkdir.cgi', status: 502, body: 'Bad Gateway' })
    await expect(env.client.makeFolder('once', 0)).rejects.toMatchObject({ code: 'SERVER', retriable: true })
    expect(env.emulator.control.stats().requests['/v1/folder/mkdir.cgi'] ?? 0).toBe(before + 1)

    env.emulator.control.failNext({
      path: '/v1/remote/ls.cgi',
      status: 503,
      body: { status: 'KO', message: 'Unavailable' },
      times: 2,
    })
    expect(await env.client.remoteJobs()).toEqual([])
  })

  it('remote answers with execution_date 1970 as not done and a missing data list as empty', async () => {
    env.emulator.control.failNext({ path: '/v1/remote/ls.cgi', status: 200, body: { status: 'OK' } })
    expect(await env.client.remoteJobs()).toEqual([])
    env.emulator.control.failNext({
      path: '/v1/remote/info.cgi',
      status: 200,
      body: {
        status: 'OK',
        id: '7',
        request_date: '2026-01-01 10:00:00',
        execution_date: '1970-01-01 00:00:00',
      },
    })
    expect(await env.client.remoteInfo(7)).toMatchObject({ id: 7, done: false, results: [], links: [] })
  })

  it('a malformed success answer is PROTOCOL, not a crash', async () => {
    env.emulator.control.failNext({ path: '/v1/download/get_token.cgi', status: 200, body: { status: 'OK' } })
    await expect(env.client.downloadToken('https://1fichier.com/?abcde12345')).rejects.toMatchObject({
      code: 'PROTOCOL',
    })
  })
})
