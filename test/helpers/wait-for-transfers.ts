import type { FichierBridge } from '../../src/shared/contract'
import type { TransferView } from '../../src/shared/model/transfer'

/** Polls `transfers:list` until `done(items)` holds; fails with the last list after `timeoutMs`. */
export async function waitForTransfers(
  bridge: FichierBridge,
  done: (items: TransferView[]) => boolean,
  timeoutMs = 20_000,
): Promise<TransferView[]> {
  const deadline = Date.now() + timeoutMs
  let items: TransferView[] = []
  while (Date.now() < deadline) {
    const result = await bridge.invoke('transfers:list', {})
    if (!result.ok) throw new Error(`transfers:list failed: ${result.error.message}`)
    items = result.value.items
    if (done(items)) return items
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(
    `Timed out; transfers are: ${JSON.stringify(items.map((i) => [i.name, i.status, i.error?.message]))}`,
  )
}

export const allFinished = (items: TransferView[]) =>
  items.length > 0 && items.every((item) => ['completed', 'failed', 'canceled'].includes(item.status))
