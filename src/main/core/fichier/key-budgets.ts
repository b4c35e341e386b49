import { join } from 'node:path'
import type { Clock } from '../lib/clock'
import { MemoryBudgetStore } from './budget-store'
import type { BudgetStore } from './budget-store'
import { FileBudgetStore } from './file-budget-store'
import { keyBudgetName } from './key-budget-dir'

/** The budget of each key: a file under `dir` shared with the user's other processes, or memory only. */
export class KeyBudgets {
  readonly #stores = new Map<string, BudgetStore>()
  readonly #none = new MemoryBudgetStore()

  constructor(
    private readonly dir: string | null,
    private readonly baseUrl: string,
    private readonly clock: Clock,
  ) {}

  of(key: string | null): BudgetStore {
    if (!key) return this.#none
    const name = keyBudgetName(this.baseUrl, key)
    let store = this.#stores.get(name)
    if (!store) {
      store = this.dir
        ? new FileBudgetStore(join(this.dir, name), () => this.clock.now())
        : new MemoryBudgetStore()
      this.#stores.set(name, store)
    }
    return store
  }
}
