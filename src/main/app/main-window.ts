import type { BrowserWindow } from 'electron'

/**
 * The one main window, created on demand: `show()` brings it back from the tray (or opens it again
 * after it was really closed), `toggle()` is the tray click.
 */
export class MainWindow {
  #window: BrowserWindow | null = null
  readonly #create: () => BrowserWindow
  readonly #onVisibility: () => void

  constructor(create: () => BrowserWindow, onVisibility: () => void = () => undefined) {
    this.#create = create
    this.#onVisibility = onVisibility
  }

  /** The window, if one exists. */
  get current(): BrowserWindow | null {
    return this.#window && !this.#window.isDestroyed() ? this.#window : null
  }

  get visible(): boolean {
    return this.current?.isVisible() ?? false
  }

  /** Creates the window when there is none (hidden if `show` is false). */
  ensure(): BrowserWindow {
    const existing = this.current
    if (existing) return existing
    const window = this.#create()
    this.#window = window
    const changed = () => this.#onVisibility()
    window.on('show', changed)
    window.on('hide', changed)
    window.on('minimize', changed)
    window.on('restore', changed)
    window.on('closed', changed)
    window.on('closed', () => {
      if (this.#window === window) this.#window = null
    })
    return window
  }

  show(): void {
    const window = this.ensure()
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  hide(): void {
    this.current?.hide()
  }

  toggle(): void {
    if (this.visible && this.current?.isFocused() !== false) this.hide()
    else this.show()
  }
}
