import { readdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { TransferView } from '../../../shared/model/transfer'
import type { ServiceEndpoint } from '../../core/ipc/handlers'
import type { Staging } from './index'

/**
 * Keeps the staging folder to what uploads still need: a staged file is released when its upload completes or
 * is removed from the queue (a failed or paused one keeps it, to be tried again). At start, before the page can
 * stage anything, what no queued upload names is removed (files staged and never added, or left by a crash).
 * Returns the unsubscribe function.
 */
export async function releaseStagedUploads(
  endpoint: ServiceEndpoint,
  staging: Staging,
  log: (message: string) => void,
): Promise<() => void> {
  const staged = new Map<string, string>()
  const isStaged = (path: string) => dirname(dirname(path)) === staging.dir
  const release = (path: string) =>
    staging.release(path).catch((error: unknown) => {
      log(`staging: could not remove ${path}: ${error instanceof Error ? error.message : String(error)}`)
    })
  const follow = (view: TransferView) => {
    if (view.kind !== 'upload' || !isStaged(view.source)) return
    if (view.status === 'completed') {
      staged.delete(view.id)
      void release(view.source)
    } else staged.set(view.id, view.source)
  }

  const unsubscribe = endpoint.events.on('transfers:changed', ({ upserts, removedIds }) => {
    for (const view of upserts) follow(view)
    for (const id of removedIds) {
      const path = staged.get(id)
      if (path === undefined) continue
      staged.delete(id)
      void release(path)
    }
  })
  const { items } = await endpoint.handlers['transfers:list']({})
  for (const view of items) follow(view)

  const needed = new Set([...staged.values()].map((path) => dirname(path)))
  const folders = await readdir(staging.dir).catch(() => [])
  await Promise.all(
    folders
      .map((name) => join(staging.dir, name))
      .filter((folder) => !needed.has(folder))
      .map((folder) => rm(folder, { recursive: true, force: true })),
  )
  return unsubscribe
}
