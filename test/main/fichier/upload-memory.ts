// Not part of the default suite (slow, writes 2 GiB to a temp dir): run with
//   npx tsx test/main/fichier/upload-memory.ts [sizeMiB]
// Uploads a sparse file of 1 GiB (default) to the emulator and samples the process memory while the
// bytes go out. Exits 1 if the resident set grows by more than 200 MiB over its starting value.
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulated, PREMIUM_KEY } from './emulated-client'

const sizeMiB = Number(process.argv[2] ?? 1024)
const size = sizeMiB * 1024 * 1024
const dir = mkdtempSync(join(tmpdir(), 'fichier-upload-memory-'))
const path = join(dir, 'big.bin')
const fd = openSync(path, 'w')
ftruncateSync(fd, size)
closeSync(fd)

const env = await startEmulated()
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0)
try {
  global.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 100)
  const started = Date.now()
  let lastLog = 0
  const result = await env.client.upload(
    { path },
    {
      onProgress: (sent) => {
        peak = Math.max(peak, process.memoryUsage().rss)
        if (sent - lastLog >= 256 * 1024 * 1024) {
          lastLog = sent
          console.log(`sent ${mib(sent)} MiB, rss ${mib(process.memoryUsage().rss)} MiB`)
        }
      },
    },
  )
  clearInterval(sample)
  const seconds = (Date.now() - started) / 1000
  const stored = env.emulator.control.listFiles(PREMIUM_KEY).find((f) => result.link.endsWith(f.id))
  console.log(
    `uploaded ${mib(size)} MiB in ${seconds.toFixed(1)} s (${mib(size / seconds)} MiB/s); stored size ${stored?.size}; ` +
      `rss baseline ${mib(baseline)} MiB, peak ${mib(peak)} MiB, growth ${mib(peak - baseline)} MiB`,
  )
  if (stored?.size !== size) throw new Error('size mismatch')
  if (peak - baseline > 200 * 1024 * 1024) {
    console.error('memory grew with the upload size')
    process.exitCode = 1
  }
} finally {
  await env.close()
  rmSync(dir, { recursive: true, force: true })
}
