import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../core/lib/app-error'

/**
 * The built renderer (`out/renderer`) of the package this file belongs to: found by walking up from
 * the running file to the package root, so that it works from `out/main/cli.js` (also installed
 * with `npm install -g`) and from `tsx src/main/cli.ts` in a checkout.
 */
export function findRendererDir(fromUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(fromUrl))
  for (;;) {
    const candidate = join(dir, 'out', 'renderer')
    if (existsSync(join(candidate, 'index.html'))) return candidate
    const parent = dirname(dir)
    if (existsSync(join(dir, 'package.json')) || parent === dir) break
    dir = parent
  }
  throw new AppError(
    'RENDERER_MISSING',
    `The interface is not built: ${join(dir, 'out', 'renderer', 'index.html')} does not exist. Run npm run build in ${dir} first.`,
  )
}
