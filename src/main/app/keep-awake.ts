import { powerSaveBlocker } from 'electron'

/** Keeps the system from sleeping (the display may still turn off) while `update(true)` holds. */
export function createKeepAwake() {
  let blocker: number | null = null
  const release = () => {
    if (blocker !== null && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker)
    blocker = null
  }
  return {
    update(awake: boolean): void {
      if (awake && blocker === null) blocker = powerSaveBlocker.start('prevent-app-suspension')
      else if (!awake) release()
    },
    dispose: release,
  }
}
