import { app } from 'electron'
import { join } from 'node:path'

/** The icons folder: `resources/` beside the app in development, copied next to app.asar when packaged. */
export function resolveResourcesDir(mainDir: string): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(mainDir, '../../resources')
}
