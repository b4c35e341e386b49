import { emptyBudgetState } from './budget-state'
import type { BudgetState } from './budget-state'

/** Where one key's shared API budget lives: in this process only, or in a file every process finds. */
export interface BudgetStore {
  /** Reads the state, lets `change` modify it and keeps the result, all as one step; answers what `change` answers. */
  update<T>(change: (state: BudgetState) => T): Promise<T>
  /** A snapshot of the state (not to be modified). */
  read(): Promise<BudgetState>
}

/** The budget of a process that shares it with no other (tests, or no key yet). */
export class MemoryBudgetStore implements BudgetStore {
  readonly #state = emptyBudgetState()

  update<T>(change: (state: BudgetState) => T): Promise<T> {
    return Promise.resolve(change(this.#state))
  }

  read(): Promise<BudgetState> {
    return Promise.resolve(structuredClone(this.#state))
  }
}
