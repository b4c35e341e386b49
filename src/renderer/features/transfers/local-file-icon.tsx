import type { LocalFileAction } from './local-file-action'

/** The glyph of a local-file action (decorative: its button carries the name). */
export function LocalFileIcon({ action }: { action: LocalFileAction }) {
  const path =
    action === 'open'
      ? 'M14 3h7v7h-2V6.41l-9.29 9.3-1.42-1.42 9.3-9.29H14V3zM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z'
      : 'M10 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-8l-2-2zm2 6 4 4h-3v4h-2v-4H8l4-4z'
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={path} />
    </svg>
  )
}
