import type { Translation } from '../../translation'
import type { common as en } from '../en/common'

export const common: Translation<typeof en> = {
  cancel: 'Annuler',
  close: 'Fermer',
  save: 'Enregistrer',
  retry: 'Réessayer',
  refresh: 'Actualiser',
  loading: 'Chargement…',
  unknown: '—',
}
