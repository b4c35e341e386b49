/**
 * Waits for `work` for at most `ms`: true when it settled (either way) in time, false when the
 * time ran out first. The work goes on; only the wait ends.
 */
export function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    const settled = () => {
      clearTimeout(timer)
      resolve(true)
    }
    work.then(settled, settled)
  })
}
