/**
 * Puts text on the system clipboard: every Copy button goes through here. The asynchronous Clipboard
 * API comes first; where it is refused (no permission, no focus) a copy command on a hidden field does it.
 */
export async function copyText(text: string): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no Clipboard API')
    await navigator.clipboard.writeText(text)
    return
  } catch (error) {
    // Both ways refused: the Clipboard API's reason is the one worth showing.
    if (!copyWithCommand(text)) throw error
  }
}

function copyWithCommand(text: string): boolean {
  const field = document.createElement('textarea')
  field.value = text
  field.setAttribute('readonly', '')
  field.style.position = 'fixed'
  field.style.opacity = '0'
  const focused = document.activeElement
  // Outside an open modal dialog the page is inert, so the field goes inside it.
  const host = focused?.closest('dialog[open]') ?? document.body
  host.append(field)
  field.select()
  try {
    return document.execCommand('copy')
  } finally {
    field.remove()
    if (focused instanceof HTMLElement) focused.focus()
  }
}
