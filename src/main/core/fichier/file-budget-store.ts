import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { lock } from 'proper-lockfile'
import { BudgetState, emptyBudgetState } from './budget-state'
import type { BudgetStore } from './budget-store'

export const BUDGET_FILE = 'budget.json'

/** Listing clocks and resolved folders older than this are dropped when the file is written. */
const KEEP_MS = 60 * 60_000

/**
 * One key's budget in `<dir>/budget.json`, shared by every process of the user: each change is made
 * under a lock (proper-lockfile: a `budget.json.lock` folder, taken over when its holder died) and
 * written atomically (temporary file, then rename), so a reader never sees half a file.
 */
export class FileBudgetStore implements BudgetStore {
  readonly #dir: string
  readonly #file: string
  #ready: Promise<unknown> | null = null

  constructor(
    dir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.#dir = dir
    this.#file = join(dir, BUDGET_FILE)
  }

  get file(): string {
    return this.#file
  }

  async update<T>(change: (state: BudgetState) => T): Promise<T> {
    await (this.#ready ??= mkdir(this.#dir, { recursive: true, mode: 0o700 }))
    const release = await lock(this.#file, {
      realpath: false,
      stale: 10_000,
      retries: { retries: 200, minTimeout: 5, maxTimeout: 50, factor: 1.5 },
      // Held for a few milliseconds; if a stalled process loses it, the worst is one lost change, never a crash.
      onCompromised: () => undefined,
    })
    try {
      const state = await this.#load()
      const answer = change(state)
      await this.#save(state)
      return answer
    } finally {
      await release().catch(() => undefined)
    }
  }

  async read(): Promise<BudgetState> {
    return this.#load()
  }

  async #load(): Promise<BudgetState> {
    let text: string
    try {
      text = await readFile(this.#file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyBudgetState()
      throw error
    }
    let parsed: ReturnType<typeof BudgetState.safeParse> | null = null
    try {
      parsed = BudgetState.safeParse(JSON.parse(text))
    } catch {
      parsed = null
    }
    if (parsed?.success) return parsed.data
    // Kept aside for a look, never silently overwritten.
    await rename(this.#file, `${this.#file}.corrupt-${Date.now()}`).catch(() => undefined)
    return emptyBudgetState()
  }

  async #save(state: BudgetState): Promise<void> {
    const now = this.now()
    for (const [key, at] of Object.entries(state.listings)) if (now - at > KEEP_MS) delete state.listings[key]
    for (const [key, folder] of Object.entries(state.folders))
      if (now - folder.at > KEEP_MS) delete state.folders[key]
    const temp = `${this.#file}.${process.pid}.tmp`
    await writeFile(temp, JSON.stringify(state), { mode: 0o600 })
    await rename(temp, this.#file)
  }
}
