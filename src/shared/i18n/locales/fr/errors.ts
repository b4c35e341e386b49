import type { Translation } from '../../translation'
import type { errors as en } from '../en/errors'

export const errors: Translation<typeof en> = {
  DISK_FULL: 'Pas assez d’espace libre sur le disque : libérez de la place, puis reprenez.',
  DISK_ERROR: 'Le fichier n’a pas pu être écrit sur le disque.',
  CHECKSUM_MISMATCH:
    'Le fichier reçu diffère de celui de 1fichier (somme de contrôle) : il sera téléchargé de nouveau.',
  SIZE_MISMATCH: 'Le fichier reçu n’a pas la taille annoncée.',
  SERVER_CHANGED_FILE: 'Le fichier a changé sur 1fichier pendant le téléchargement : il recommence.',
  NODE_REFUSED: 'Le serveur de téléchargement a refusé la connexion.',
  NETWORK: 'La connexion à 1fichier a échoué.',
  STALLED: 'Le téléchargement s’est bloqué.',
  SHORT_BODY: 'La connexion s’est terminée avant la fin de la partie attendue.',
  BAD_RESPONSE: '1fichier a répondu quelque chose d’inattendu.',
  LOCAL_FILE: 'Le fichier local n’a pas pu être lu.',
  UPLOAD_REFUSED: '1fichier a refusé l’envoi.',
  NOT_READY: '1fichier traite encore ce fichier : il sera réessayé plus tard.',
  NOT_THE_FILE: '1fichier a répondu par une page web au lieu du fichier (occupé ou en maintenance).',
  NEEDS_PREMIUM: 'Les téléchargements par l’API demandent un abonnement Premium ou Access.',
  PART_IN_USE: 'Un autre processus Fichier Desk écrit ce fichier.',
  AUTH_INVALID_KEY: '1fichier a refusé la clé API : vérifiez-la dans Compte.',
  NOT_CUSTOMER: 'Il faut un abonnement Premium ou Access.',
  NOT_FOUND: 'Le fichier n’existe pas sur 1fichier (supprimé, ou lien erroné).',
  NOT_ALLOWED: '1fichier n’autorise pas cette action sur ce fichier.',
  PASSWORD_REQUIRED: 'Ce fichier est protégé par un mot de passe.',
  PASSWORD_WRONG: 'Le mot de passe de ce fichier est erroné.',
  OWNER_LOCKED: 'Le propriétaire de ce fichier est temporairement bloqué par 1fichier.',
  LOCATION_LIMIT: '1fichier n’autorise cette clé que depuis un seul endroit à la fois.',
  FLOOD_LOCKED: '1fichier nous demande de ralentir : la reprise est automatique.',
  RATE_LIMITED: '1fichier nous demande de ralentir : la reprise est automatique.',
  SERVER: '1fichier a rencontré un problème.',
  PROTOCOL: '1fichier a répondu quelque chose d’inattendu.',
}
