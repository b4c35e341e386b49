import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Finds the Electron binary without importing the `electron` package (whose import starts a
 * download when the binary is missing). Answers the path, or why there is none.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const packageDir = resolve('node_modules/electron')
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const candidates = [
    override && join(override, relative ?? 'electron'),
    relative && join(packageDir, 'dist', relative),
  ].filter((candidate): candidate is string => !!candidate)
  const found = candidates.find((candidate) => existsSync(candidate))
  if (found) return { path: found }
  return {
    missing:
      'No Electron binary on this machine (node_modules/electron/dist is empty). Run `npx install-electron` ' +
      '(or `npm run dev` once) on a machine that can download Electron, then run these tests again.',
  }
}
