import type { Translation } from '../../translation'
import type { account as en } from '../en/account'

export const account: Translation<typeof en> = {
  title: 'Compte',
  key: {
    title: 'Votre clé API',
    intro:
      'Fichier Desk dialogue avec 1fichier grâce à votre clé API (comptes Premium ou Access). Vous la trouverez sur 1fichier.com, dans Paramètres → API.',
    statusLabel: 'État de la clé',
    set: 'Une clé est enregistrée.',
    none: 'Pas encore de clé API.',
    storage: {
      encrypted: 'Votre clé est chiffrée par le trousseau du système.',
      session:
        'Votre clé est gardée en mémoire pour cette session seulement ; il faudra la saisir à nouveau la prochaine fois.',
      none: 'Aucune clé n’est enregistrée.',
    },
    server: {
      note: 'Ce serveur n’a pas de trousseau système : une clé enregistrée est gardée dans son dossier d’état, dans le fichier api-key que seul l’utilisateur qui lance fichier serve peut lire (mode 600). La clé n’arrive jamais dans ce navigateur.',
      encrypted:
        'Votre clé est enregistrée sur le serveur, dans son dossier d’état (fichier api-key, mode 600).',
      session:
        'Votre clé a été donnée au démarrage du serveur (--key-file ou FICHIER_API_KEY), ou est gardée dans sa mémoire jusqu’à son arrêt.',
    },
    noEncryption:
      'Ce système ne propose pas de chiffrement des secrets (pas de trousseau). La clé ne peut être gardée que pour cette session.',
    label: 'Clé API',
    placeholderReplace: '•••••••• (saisissez une nouvelle clé pour la remplacer)',
    placeholder: '32 caractères',
    sessionOnly: 'La garder pour cette session seulement',
    save: 'Enregistrer la clé',
    remove: 'Supprimer la clé',
    saved: 'Clé enregistrée et vérifiée.',
    removed: 'Clé supprimée.',
  },
  errors: {
    format:
      'Une clé API compte 32 lettres, chiffres, « - », « _ » ou « = ». Copiez-la à nouveau depuis 1fichier.com/console/params.pl.',
    AUTH_INVALID_KEY:
      '1fichier a refusé la clé API : elle est erronée ou a été révoquée. Créez une clé sur 1fichier.com/console/params.pl.',
    NOT_CUSTOMER:
      'Cette clé appartient à un compte 1fichier gratuit. Les téléchargements par l’API demandent un abonnement Premium ou Access.',
    NETWORK: 'Impossible de joindre 1fichier : vérifiez votre connexion à Internet, puis réessayez.',
    FLOOD_LOCKED: '1fichier nous demande de ralentir : réessayez dans une minute.',
    RATE_LIMITED: '1fichier nous demande de ralentir : réessayez dans une minute.',
    other: 'Une erreur s’est produite : {{message}}',
  },
  health: {
    title: 'État du compte',
    label: 'Détails du compte',
    empty: 'Les détails du compte s’affichent ici une fois la clé vérifiée.',
    email: 'E-mail',
    offer: 'Offre',
    offers: { free: 'Gratuite', premium: 'Premium', access: 'Access', unknown: 'Offre inconnue' },
    subscriptionEnd: 'Fin de l’abonnement',
    hotStorage: 'Stockage à chaud utilisé',
    coldStorage: 'Stockage à froid utilisé',
    ofQuota: '{{used}} sur {{quota}}',
    cdnCredits: 'Crédits CDN',
    cdnInUse: '{{credits}} (utilisés)',
    cdnSpent: 'Épuisés',
    uploads: 'Envois',
    uploadsForbidden: 'Interdits par 1fichier',
    uploadsAllowed: 'Autorisés',
    quota: 'Quota',
    overQuota: 'Quota dépassé',
    withinQuota: 'Dans le quota',
    checked: 'Dernière vérification',
    checkedNote: '1fichier autorise une lecture du compte toutes les 5 minutes.',
    refresh: 'Vérifier maintenant',
    nextCheck: 'Prochaine vérification possible à {{time}}',
  },
  warnings: {
    label: 'Alertes du compte',
    freeAccount:
      'Ce compte 1fichier est gratuit : la navigation et les envois fonctionnent, mais les téléchargements par l’API demandent un abonnement Premium ou Access.',
    subscriptionEnded:
      'Votre abonnement a pris fin : les téléchargements par l’API s’arrêtent jusqu’à son renouvellement.',
    subscriptionEndsToday:
      'Votre abonnement prend fin dans moins d’un jour : renouvelez-le pour continuer à télécharger.',
    subscriptionEnding_one:
      'Votre abonnement prend fin dans 1 jour : renouvelez-le pour continuer à télécharger.',
    subscriptionEnding_other:
      'Votre abonnement prend fin dans {{count}} jours : renouvelez-le pour continuer à télécharger.',
    overQuota: 'Votre compte dépasse son quota de stockage : libérez de la place avant d’envoyer davantage.',
    uploadsForbidden:
      '1fichier interdit pour l’instant les envois sur ce compte : ils attendent qu’il les autorise de nouveau.',
    cdnSpent:
      'Vos crédits CDN sont épuisés alors que le CDN est activé : les téléchargements de votre compte peuvent ralentir.',
  },
}
