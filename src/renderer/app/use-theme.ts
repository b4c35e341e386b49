import { useEffect } from 'react'
import { useStatus } from '../stores/stores-context'

/** Applies the theme setting: `system` follows the OS (prefers-color-scheme), the others force it. */
export function useTheme(): void {
  const theme = useStatus((state) => state.settings?.theme ?? 'system')
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset['theme']
    else root.dataset['theme'] = theme
  }, [theme])
}
