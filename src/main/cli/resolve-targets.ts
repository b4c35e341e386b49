import type { TransferError } from '../../shared/model/transfer'
import type { FichierClient } from '../core/fichier/fichier-client'
import { itemFailure } from './item-failure'
import { resolveTarget, type RemoteTarget } from './remote-path'

export type Resolved = { path: string; target: RemoteTarget } | { path: string; error: TransferError }

/**
 * Resolves every path before anything changes: a change drops the listing cache, and 1fichier
 * allows one listing per folder per 30 s, so resolving between changes would wait.
 */
export async function resolveTargets(
  client: Pick<FichierClient, 'folderList' | 'findFolderPath' | 'knownFolderPath'>,
  paths: readonly string[],
  signal: AbortSignal,
): Promise<Resolved[]> {
  const resolved: Resolved[] = []
  for (const path of paths) {
    try {
      resolved.push({ path, target: await resolveTarget(client, path, signal) })
    } catch (error) {
      resolved.push({ path, error: itemFailure(error) })
    }
  }
  return resolved
}
