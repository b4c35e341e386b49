import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import { formatBytes } from '../../shared/format/format-bytes'
import { speedSamples, summarizeSpeed, type SpeedHistory } from '../stores/speed-history'
import { useStores } from '../stores/stores-context'
import './speed-graph.css'

const WIDTH = 150
const HEIGHT = 22

/** One line per direction, scaled to the highest value shown; drawn for the device's pixel ratio. */
function draw(canvas: HTMLCanvasElement, history: SpeedHistory): void {
  const context = canvas.getContext('2d')
  if (!context) return
  const ratio = window.devicePixelRatio || 1
  if (canvas.width !== WIDTH * ratio) {
    canvas.width = WIDTH * ratio
    canvas.height = HEIGHT * ratio
  }
  context.setTransform(ratio, 0, 0, ratio, 0, 0)
  context.clearRect(0, 0, WIDTH, HEIGHT)
  const style = getComputedStyle(canvas)
  // The baseline spans the whole window, so a young history reads as "the last seconds".
  context.fillStyle = style.getPropertyValue('--graph-base').trim() || '#dde2e8'
  context.fillRect(0, HEIGHT - 1, WIDTH, 1)
  const { down, up } = speedSamples(history)
  const max = Math.max(1, ...down, ...up)
  // At least a minute spans the width, so a young history is readable; then up to `capacity` seconds.
  const shown = Math.min(history.capacity, Math.max(60, down.length))
  const step = WIDTH / Math.max(1, shown - 1)
  const line = (values: number[], color: string, fill: boolean) => {
    if (values.length === 0) return
    // Newest sample at the right edge; older ones to its left.
    const x0 = WIDTH - (values.length - 1) * step
    context.beginPath()
    values.forEach((value, index) => {
      const x = x0 + index * step
      const y = HEIGHT - 1 - (value / max) * (HEIGHT - 3)
      if (index === 0) context.moveTo(x, y)
      else context.lineTo(x, y)
    })
    context.strokeStyle = color
    context.lineWidth = 1.25
    context.stroke()
    if (fill) {
      context.lineTo(WIDTH, HEIGHT)
      context.lineTo(x0, HEIGHT)
      context.closePath()
      context.globalAlpha = 0.18
      context.fillStyle = color
      context.fill()
      context.globalAlpha = 1
    }
  }
  line(down, style.getPropertyValue('--graph-down').trim() || '#2f6fde', true)
  line(up, style.getPropertyValue('--graph-up').trim() || '#1f8a4c', false)
}

/** A sparkline of the total download and upload speeds of the last minutes. */
export function SpeedGraph() {
  const { t, i18n } = useTranslation('shell')
  const history = useStore(useStores().speed)
  const canvas = useRef<HTMLCanvasElement>(null)
  const descriptionId = useId()

  useEffect(() => {
    if (canvas.current) draw(canvas.current, history)
  }, [history])

  const summary = summarizeSpeed(history)
  const speed = (bytes: number) => `${formatBytes(bytes, i18n.language)}/s`
  const description = t('graph.description', {
    down: speed(summary.down),
    downPeak: speed(summary.peakDown),
    up: speed(summary.up),
    upPeak: speed(summary.peakUp),
  })
  return (
    <span className="speed-graph">
      <canvas
        ref={canvas}
        className="speed-graph__canvas"
        style={{ width: WIDTH, height: HEIGHT }}
        role="img"
        aria-label={t('graph.label', { minutes: Math.round(history.capacity / 60) })}
        aria-describedby={descriptionId}
        title={description}
      />
      <span id={descriptionId} className="visually-hidden">
        {description}
      </span>
    </span>
  )
}
