import { useEffect, useState } from 'react'
import { formatDuration } from '../lib/format-duration'
import { useStatus } from '../stores/stores-context'

/** "1fichier asked us to slow down — resuming in 42 s", counting down while the API is paused. */
export function ApiPauseNotice() {
  const pause = useStatus((state) => state.apiPause)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!pause) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [pause])
  if (!pause) return <span className="status-bar__api">API ready</span>
  const seconds = Math.max(0, (pause.until - now) / 1000)
  return (
    <span className="status-bar__api status-bar__api--paused" title={pause.reason}>
      1fichier asked us to slow down — resuming in {formatDuration(seconds)}
    </span>
  )
}
