import type { Translation } from '../../translation'
import type { shell as en } from '../en/shell'

export const shell: Translation<typeof en> = {
  logout: 'Se déconnecter',
  sections: {
    label: 'Sections',
    transfers: 'Transferts',
    remote: 'Fichiers distants',
    history: 'Historique',
    settings: 'Réglages',
    account: 'Compte',
  },
  status: {
    label: 'État',
    downSpeed: 'Vitesse de téléchargement {{speed}}',
    upSpeed: 'Vitesse d’envoi {{speed}}',
    linkError: {
      snapshot: 'Impossible de charger la liste des transferts : {{message}}',
      ready: 'L’application ne répond pas : {{message}}',
    },
    connection: {
      lost: 'Connexion au serveur perdue ; reconnexion…',
      back: 'De nouveau connecté au serveur.',
    },
    countsLabel: 'Transferts par état',
    accountWarnings_one: '⚠ {{count}} alerte du compte',
    accountWarnings_other: '⚠ {{count}} alertes du compte',
    counts: {
      active_one: '{{count}} en cours',
      active_other: '{{count}} en cours',
      queued_one: '{{count}} en attente',
      queued_other: '{{count}} en attente',
      paused_one: '{{count}} en pause',
      paused_other: '{{count}} en pause',
      retrying_one: '{{count}} en nouvel essai',
      retrying_other: '{{count}} en nouvel essai',
      failed_one: '{{count}} en échec',
      failed_other: '{{count}} en échec',
      completed_one: '{{count}} terminé',
      completed_other: '{{count}} terminés',
    },
  },
  graph: {
    label: 'Vitesse des {{minutes}} dernières minutes',
    description:
      'Téléchargement : {{down}} maintenant, pointe à {{downPeak}}. Envoi : {{up}} maintenant, pointe à {{upPeak}}.',
  },
  altSpeed: {
    label: 'Limites de vitesse alternatives',
    on: 'Limites alt. activées',
    onSchedule: 'Limites alt. (planning)',
    off: 'Pleine vitesse',
    unlimited: 'illimité',
    onTitle: 'Les limites alternatives s’appliquent : ↓ {{down}}, ↑ {{up}}. Cliquez pour la pleine vitesse.',
    offTitle: 'Cliquez pour appliquer les limites alternatives : ↓ {{down}}, ↑ {{up}}.',
  },
  api: {
    ready: 'API prête',
    paused: '1fichier nous demande de ralentir — reprise dans {{time}}',
    pausedTitle:
      '1fichier limite la fréquence des appels de l’application. Les transferts reprendront d’eux-mêmes.',
  },
  toasts: {
    label: 'Notifications',
    dismiss: 'Fermer',
    failed: 'Échec de l’action « {{action}} » : {{message}}',
    advice: {
      AUTH_INVALID_KEY: 'Vérifiez votre clé API dans Compte.',
      NO_KEY: 'Saisissez votre clé API dans Compte.',
      NOT_CUSTOMER: 'Utilisez la clé d’un compte Premium ou Access.',
      NOT_FOUND: 'Le fichier ou le dossier n’existe plus : actualisez puis réessayez.',
      NOT_ALLOWED: '1fichier n’autorise pas cette action sur cet élément.',
      FLOOD_LOCKED: '1fichier nous demande de ralentir : réessayez dans une minute.',
      RATE_LIMITED: '1fichier nous demande de ralentir : réessayez dans une minute.',
      NETWORK: 'Vérifiez votre connexion à Internet, puis réessayez.',
      SERVER: '1fichier a rencontré un problème : réessayez dans un instant.',
      TRANSPORT: 'L’application ne répond pas : redémarrez-la si cela persiste.',
      INVALID_INPUT: 'Vérifiez votre saisie, puis réessayez.',
      default: 'Réessayez ; si l’échec persiste, redémarrez l’application.',
    },
  },
}
