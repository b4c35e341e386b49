import { useEffect } from 'react'
import { useStatus } from '../stores/stores-context'
import type { Section } from './section'

/**
 * Carries out what the desktop asks of the window (tray, menu, notifications): open the Add
 * dialog with the clipboard's links for review, or show the transfers. Each request once.
 */
export function useWindowRequests(handlers: {
  openAddLinks(text: string): void
  showSection(section: Section): void
}): void {
  const windowRequest = useStatus((state) => state.windowRequest)
  const { openAddLinks, showSection } = handlers
  useEffect(() => {
    if (!windowRequest) return
    const { request } = windowRequest
    if (request.kind === 'addLinks') openAddLinks(request.text)
    else showSection('transfers')
  }, [windowRequest, openAddLinks, showSection])
}
