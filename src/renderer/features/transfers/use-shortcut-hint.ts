import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { IS_MAC } from './is-mac'
import { shortcutHint, type TransferShortcut } from './transfer-keymap'

/** `label (keys)` for a button's title, with the key names in the interface's language. */
export function useShortcutHint(): (label: string, shortcut: TransferShortcut) => string {
  const { t } = useTranslation('transfers')
  return useCallback(
    (label, shortcut) =>
      t('withShortcut', {
        label,
        keys: shortcutHint(shortcut, IS_MAC, {
          space: t('keys.space'),
          delete: t('keys.delete'),
          escape: t('keys.escape'),
        }),
      }),
    [t],
  )
}
