// The browser side of sending a dropped file to `fichier serve`: the page's own staging code (bundled from
// src/renderer/features/uploads/stage-files.ts) in Chromium, against the real staging route on loopback.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { build, type Rollup } from 'vite'
import { createStaging, type Staging } from '../../../src/main/server/staging/index'

const LIMIT = 8 * 1024 * 1024

let state: string
let staging: Staging
let server: Server
let url: string

/** stage-files.ts as one script that sets `window.Staging`. */
async function bundleStaging(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve('src/renderer/features/uploads/stage-files.ts'),
        formats: ['iife'],
        name: 'Staging',
      },
    },
  })) as Rollup.RollupOutput[]
  const chunk = output[0]?.output.find((item) => item.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error('stage-files.ts did not bundle')
  return chunk.code
}

test.beforeAll(async () => {
  state = await mkdtemp(join(tmpdir(), 'fd-staging-page-'))
  staging = await createStaging({ stateDir: state, maxBytes: LIMIT, log: () => undefined })
  const script = await bundleStaging()
  server = createServer((req, res) => {
    void staging.handle(req, res).then((handled) => {
      if (handled) return
      if (req.url === '/staging.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script)
      else
        res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end('<!doctype html><meta charset="utf-8"><script src="/staging.js"></script>')
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})

test.afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
  await rm(state, { recursive: true, force: true })
})

interface StagingWindow {
  Staging: {
    stageFiles(
      files: File[],
      onProgress: (progress: { files: number; sent: number; total: number }) => void,
      signal: AbortSignal,
    ): Promise<string[]>
  }
}

test('files dropped on the page reach the server whole, under their names, with progress', async ({
  page,
}) => {
  await page.goto(url)
  const run = await page.evaluate(async () => {
    const { Staging } = globalThis as unknown as StagingWindow
    const reports: { files: number; sent: number; total: number }[] = []
    const files = [
      new File(['hello from the page'], 'Été 1.txt'),
      new File([new Uint8Array(3 << 20).fill(7)], 'big.bin'),
    ]
    const paths = await Staging.stageFiles(
      files,
      (report) => reports.push(report),
      new AbortController().signal,
    )
    return { paths, reports }
  })
  expect(run.paths.map((path) => path.split('/').pop())).toEqual(['Été 1.txt', 'big.bin'])
  expect(await readFile(run.paths[0] ?? '', 'utf8')).toBe('hello from the page')
  expect(await readFile(run.paths[1] ?? '')).toEqual(Buffer.alloc(3 << 20, 7))
  const total = 19 + (3 << 20)
  expect(run.reports[0]).toEqual({ files: 2, sent: 0, total })
  expect(run.reports.at(-1)).toEqual({ files: 2, sent: total, total })
  const sent = run.reports.map((report) => report.sent)
  expect(sent).toEqual([...sent].sort((a, b) => a - b))
})

test('a file over the server’s limit is refused with the server’s reason', async ({ page }) => {
  await page.goto(url)
  const refusal = await page.evaluate(async () => {
    const { Staging } = globalThis as unknown as StagingWindow
    const file = new File([new Uint8Array(9 << 20)], 'huge.iso')
    return Staging.stageFiles([file], () => undefined, new AbortController().signal).then(
      () => null,
      (error: Error & { code?: string }) => ({ code: error.code, message: error.message }),
    )
  })
  expect(refusal).toEqual({
    code: 'STAGING_TOO_LARGE',
    message: expect.stringMatching(/^huge\.iso: This file .* is over the server's limit/),
  })
})

test('Stop drops the file under way, on the server too', async ({ page }) => {
  await page.goto(url)
  // Uploads slowed to 1 MiB/s, so that Stop comes while the file is still on its way however fast loopback is.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 1 << 20,
  })
  const before = await readdir(staging.dir)
  const stopped = await page.evaluate(async () => {
    const { Staging } = globalThis as unknown as StagingWindow
    const controller = new AbortController()
    const file = new File([new Uint8Array(6 << 20)], 'stopped.bin')
    return Staging.stageFiles(
      [file],
      (report) => {
        if (report.sent > 0) controller.abort()
      },
      controller.signal,
    ).then(
      () => 'finished',
      (error: Error) => error.name,
    )
  })
  expect(stopped).toBe('AbortError')
  await expect.poll(async () => (await readdir(staging.dir)).length).toBe(before.length)
})
