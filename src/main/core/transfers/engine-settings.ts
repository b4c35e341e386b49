import type { ConflictPolicy } from '../../../shared/model/settings'

/** What the engine takes from the settings (limits as the speed schedule sets them). */
export interface EngineSettings {
  downloadDir: string
  maxActive: number
  connectionsPerFile: number
  accountConnections: number
  downloadLimit: number
  uploadLimit: number
  conflict: ConflictPolicy
  uploadDuplicates: 'upload' | 'skip'
}
