import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EMULATOR_ACCOUNTS } from '../fixtures/emulator-accounts'
import { expect, test } from './served-app'

const { key } = EMULATOR_ACCOUNTS.premium
const GiB = 1024 * 1024 * 1024

test('follows a 1 GiB download to its end, without the page’s memory growing meanwhile', async ({
  page,
  served,
  emulator,
}) => {
  test.setTimeout(180_000)
  const file = await emulator.control.createFile({ key, name: 'disk.img', synthetic: { size: GiB } })
  // A cap per connection: many progress ticks, still short enough for the suite.
  emulator.control.setSpeedCap(16 * 1024 * 1024)

  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  /** The page's live JavaScript heap, after a full collection. */
  const liveHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }

  await page.getByRole('button', { name: 'Add links' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add links' })
  await dialog.getByRole('textbox', { name: 'Links', exact: true }).fill(file.url)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toBeHidden()

  const bar = page.getByRole('progressbar', { name: 'Progress of disk.img' })
  await expect(bar).not.toHaveAttribute('aria-valuenow', '0', { timeout: 30_000 })
  const shown: number[] = []
  const heaps: number[] = []
  const done = page.getByRole('list', { name: 'Transfers by state' })
  while (!((await done.textContent()) ?? '').includes('1 done')) {
    const now = Number(await bar.getAttribute('aria-valuenow').catch(() => null))
    if (Number.isFinite(now) && now > 0) shown.push(now)
    heaps.push(await liveHeap())
    await page.waitForTimeout(500)
  }
  const after = await liveHeap()

  // The page moved with the download, value after value, never backwards.
  expect(new Set(shown).size, `progress shown: ${shown.join(', ')}`).toBeGreaterThanOrEqual(5)
  expect([...shown].sort((a, b) => a - b)).toEqual(shown)
  // The heap once the first ticks arrived against the end: ticks replace each other, nothing piles up.
  const early = Math.max(...heaps.slice(0, 2))
  expect(
    after - early,
    `live heap: ${heaps.map((h) => (h / 1048576).toFixed(1)).join(', ')} MiB`,
  ).toBeLessThan(2 * 1024 * 1024)
  expect((await stat(join(served.downloadDir, 'disk.img'))).size).toBe(GiB)
})
