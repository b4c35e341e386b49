/** Timers as the core sees them, beside `Clock`; tests drive them in virtual time with a `ManualClock`. */
export interface Scheduler {
  /** Runs `task` once after `ms`; answers a function that cancels it. */
  after(ms: number, task: () => void): () => void
}

export const systemScheduler: Scheduler = {
  after(ms, task) {
    const timer = setTimeout(task, ms)
    return () => clearTimeout(timer)
  },
}
