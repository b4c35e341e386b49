import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The newest modification time of a file, or of any file under a folder. */
function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  // Files only: a folder's own time also moves when an editor's temporary file comes and goes.
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** True when `built` exists and no file of `sources` (files or folders) was changed after it. */
export function isBuiltFresh(built: string, sources: readonly string[]): boolean {
  if (!existsSync(built)) return false
  const builtAt = statSync(built).mtimeMs
  return sources.every((source) => !existsSync(source) || newestMtime(source) <= builtAt)
}
