import { execFile, execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/index'

const KEY = 'TlsKeyTlsKeyTlsKeyTlsKeyTlsKey01'
const MiB = 1024 * 1024
const SIZE = 12 * MiB + 777
const CHILD = fileURLToPath(new URL('./tls-download-child.ts', import.meta.url))

let emulator: RunningEmulator
let work: string
let cert: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fd-tls-'))
  cert = join(work, 'cert.pem')
  const key = join(work, 'key.pem')
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1'].concat([
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ]),
    { stdio: 'ignore' },
  )
  emulator = await startEmulator({
    rateLimits: false,
    keys: [{ key: KEY, tier: 'premium' }],
    tls: { cert: await readFile(cert), key: await readFile(key) },
  })
})

afterAll(async () => {
  await emulator.stop()
  await rm(work, { recursive: true, force: true })
})

describe('downloads over HTTPS', () => {
  it.each([1, 4, 16])(
    'reads the body into reused memory and writes a byte-identical file with %i connection(s)',
    async (connections) => {
      const file = await emulator.control.createFile({
        key: KEY,
        name: `tls-${connections}.bin`,
        synthetic: { size: SIZE, seed: 60 + connections },
      })
      const dir = await mkdtemp(join(work, 'out-'))
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', CHILD, emulator.apiUrl, KEY, dir, String(connections), file.url].concat([
          String(60 + connections),
          String(SIZE),
        ]),
        { env: { ...process.env, NODE_EXTRA_CA_CERTS: cert }, maxBuffer: 1024 * 1024 },
      )
      const line = stdout.split('\n').find((l) => l.startsWith('done '))
      expect(JSON.parse(line?.slice(5) ?? '{}')).toEqual({
        status: 'completed',
        identical: true,
        direct: true,
        intact: true,
        piped: true,
      })
    },
    60_000,
  )
})
