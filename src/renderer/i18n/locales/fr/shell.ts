import type { Translation } from '../../translation'
import type { shell as en } from '../en/shell'

export const shell: Translation<typeof en> = {
  sections: {
    label: 'Sections',
    transfers: 'Transferts',
    remote: 'Fichiers distants',
    settings: 'Réglages',
    account: 'Compte',
  },
}
