/**
 * Soak check (not part of the default suite): serves a 5 GiB synthetic file to curl and takes a 1 GiB
 * upload from `curl -F`, sampling this process's memory. Run: npx tsx test/emulator/soak.ts [GiB down] [GiB up]
 */
import { spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { startEmulator, syntheticStream } from './index'
import { apiCall, jsonOf } from './raw-http'

const KEY = 'SoakKeySoakKeySoakKeySoakKey0001'
const GIB = 1024 ** 3
const downGiB = Number(process.argv[2] ?? 5)
const upGiB = Number(process.argv[3] ?? 1)

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}`))))
  })
}

async function measured<T>(label: string, work: () => Promise<T>): Promise<T> {
  global.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100)
  const began = Date.now()
  try {
    return await work()
  } finally {
    clearInterval(timer)
    const seconds = (Date.now() - began) / 1000
    console.log(
      `${label}: ${seconds.toFixed(1)} s, RSS baseline ${(baseline / 2 ** 20).toFixed(0)} MiB, peak ${(peak / 2 ** 20).toFixed(0)} MiB (+${((peak - baseline) / 2 ** 20).toFixed(0)} MiB)`,
    )
  }
}

async function main(): Promise<void> {
  const em = await startEmulator({ rateLimits: false, keys: [{ key: KEY }] })
  const temp = mkdtempSync(join(tmpdir(), 'emulator-soak-'))
  try {
    const size = Math.round(downGiB * GIB)
    const file = await em.control.createFile({ key: KEY, name: 'big.bin', synthetic: { size, seed: 5 } })
    const token = jsonOf(await apiCall(em.apiUrl, 'download/get_token.cgi', { url: file.url }, KEY))
      .url as string
    const out = await measured(`download ${downGiB} GiB`, () =>
      run('curl', ['-s', '-o', '/dev/null', '-w', '%{size_download} %{speed_download}', token]),
    )
    const [bytes, speed] = out.split(' ').map(Number) as [number, number]
    console.log(
      `  curl got ${bytes} bytes (${bytes === size ? 'complete' : 'INCOMPLETE'}) at ${(speed / 2 ** 20).toFixed(0)} MiB/s`,
    )

    const source = join(temp, 'upload.bin')
    await pipeline(syntheticStream(6, Math.round(upGiB * GIB)), createWriteStream(source))
    const server = jsonOf(await apiCall(em.apiUrl, 'upload/get_upload_server.cgi', undefined))
    const upload = await measured(`upload ${upGiB} GiB`, () =>
      run('curl', [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code} %{speed_upload}',
        '-H',
        `Authorization: Bearer ${KEY}`,
        '-F',
        'did=0',
        '-F',
        `file[]=@${source}`,
        `http://${server.url as string}/upload.cgi?id=${server.id as string}`,
      ]),
    )
    const [status, upSpeed] = upload.split(' ').map(Number) as [number, number]
    console.log(
      `  upload status ${status} at ${(upSpeed / 2 ** 20).toFixed(0)} MiB/s; bytesReceived ${em.control.stats().bytesReceived}`,
    )
  } finally {
    rmSync(temp, { recursive: true, force: true })
    await em.stop()
  }
}

void main()
