/** The folder glyph of the remote table, tree and chooser (decorative). */
export function FolderIcon() {
  return (
    <svg
      className="icon icon--folder"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M10 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-8l-2-2z"
        fill="currentColor"
      />
    </svg>
  )
}
