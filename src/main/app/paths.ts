import { app } from 'electron'
import { join } from 'node:path'

export interface AppPaths {
  /** Settings, the queue journal, the API pause state. */
  dataDir: string
  downloadsDir: string
  logsDir: string
}

export function resolveAppPaths(): AppPaths {
  return {
    dataDir: join(app.getPath('userData'), 'state'),
    downloadsDir: app.getPath('downloads'),
    logsDir: app.getPath('logs'),
  }
}
