import { useCallback, useState } from 'react'
import { AccountView } from '../features/account/account-view'
import { HistoryView } from '../features/history/history-view'
import { RemoteView } from '../features/remote/remote-view'
import { SettingsView } from '../features/settings/settings-view'
import { AddLinksDialog } from '../features/transfers/add-links-dialog'
import { TransfersView } from '../features/transfers/transfers-view'
import { usePasteIntake } from '../features/transfers/use-paste-intake'
import { DropOverlay } from '../features/uploads/drop-overlay'
import { useLanguage } from '../i18n/use-language'
import type { Section } from './section'
import { Sidebar } from './sidebar'
import { StatusBar } from './status-bar'
import { ToastRegion } from './toasts/toast-region'
import { useTheme } from './use-theme'
import { useWindowRequests } from './use-window-requests'

/** The frame: sidebar, the current view, status bar, and what works from anywhere (paste, drop). */
export function App() {
  const [section, setSection] = useState<Section>('transfers')
  // `key` remounts the dialog at each opening, so it starts from `text`.
  const [addLinks, setAddLinks] = useState({ open: false, text: '', key: 0 })
  useTheme()
  useLanguage()

  const openAddLinks = useCallback((text: string) => {
    setSection('transfers')
    setAddLinks((current) => ({ open: true, text, key: current.key + 1 }))
  }, [])
  usePasteIntake(openAddLinks)
  useWindowRequests({ openAddLinks, showSection: setSection })

  return (
    <div className="app">
      <Sidebar current={section} onSelect={setSection} />
      <main className="app__main" aria-labelledby="view-title">
        {section === 'transfers' ? <TransfersView onAddLinks={() => openAddLinks('')} /> : null}
        {section === 'remote' ? <RemoteView onNavigate={setSection} /> : null}
        {section === 'history' ? <HistoryView onNavigate={setSection} /> : null}
        {section === 'settings' ? <SettingsView /> : null}
        {section === 'account' ? <AccountView /> : null}
      </main>
      <StatusBar onShowAccount={() => setSection('account')} />
      <DropOverlay />
      <ToastRegion />
      <AddLinksDialog
        key={addLinks.key}
        open={addLinks.open}
        initialText={addLinks.text}
        onClose={() => setAddLinks((current) => ({ ...current, open: false }))}
      />
    </div>
  )
}
