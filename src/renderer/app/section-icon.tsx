import type { Section } from './section'

const PATHS: Record<Section, string> = {
  transfers:
    'M7 3v12.6l-3.3-3.3L2.3 13.7 8 19.4l5.7-5.7-1.4-1.4L9 15.6V3H7zm8 18V8.4l3.3 3.3 1.4-1.4L14 4.6 8.3 10.3l1.4 1.4L13 8.4V21h2z',
  remote:
    'M19.4 10A7.5 7.5 0 0 0 5.3 8 6 6 0 0 0 6 20h13a5 5 0 0 0 .4-10zM19 18H6a4 4 0 0 1-.4-8l1.1-.1.5-1a5.5 5.5 0 0 1 10.3 1.5l.3 1.5 1.5.1A3 3 0 0 1 19 18z',
  history:
    'M13 3a9 9 0 0 0-9 9H1l3.9 3.9L9 12H6a7 7 0 1 1 2.1 5l-1.4 1.4A9 9 0 1 0 13 3zm-1 5v5l4.3 2.5.7-1.2-3.5-2.1V8H12z',
  settings:
    'M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3h-4l-.4 2.6a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.4 7.4 0 0 0 1.7 1L11 21h4l.4-2.6a7.4 7.4 0 0 0 1.7-1l2.5 1 2-3.5-2.2-1.9zM13 15a3 3 0 1 1 0-6 3 3 0 0 1 0 6z',
  account: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5z',
}

export function SectionIcon({ section }: { section: Section }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[section]} fill="currentColor" />
    </svg>
  )
}
