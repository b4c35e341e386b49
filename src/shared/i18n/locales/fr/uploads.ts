import type { Translation } from '../../translation'
import type { uploads as en } from '../en/uploads'

export const uploads: Translation<typeof en> = {
  root: 'Mes fichiers',
  overlay: {
    label: 'Déposer pour envoyer',
    title: 'Déposer pour envoyer dans {{folder}}',
    body: 'Fichiers et dossiers, envoyés dans ce dossier.',
  },
  added_one: '{{count}} envoi vers {{folder}} ajouté.',
  added_other: '{{count}} envois vers {{folder}} ajoutés.',
  addedSkipped_one: '{{count}} envoi vers {{folder}} ajouté, {{skipped}} ignorés.',
  addedSkipped_other: '{{count}} envois vers {{folder}} ajoutés, {{skipped}} ignorés.',
  failed: 'Impossible de démarrer l’envoi : {{message}}',
  failedAdvice:
    'Déposez des fichiers enregistrés sur cet ordinateur ; depuis une archive ou une page web, enregistrez-les d’abord dans un dossier.',
  options: {
    title_one: 'Envoyer {{count}} élément dans {{folder}}',
    title_other: 'Envoyer {{count}} éléments dans {{folder}}',
    intro: 'Appliqué à chaque fichier une fois sur 1fichier. Les dossiers gardent leur arborescence.',
    password: 'Mot de passe (facultatif)',
    passwordHint: 'Au moins 6 caractères. Il sera demandé pour télécharger les fichiers.',
    description: 'Description (facultative)',
    cdn: 'Servir ces fichiers par le CDN (utilise des crédits CDN)',
    access: 'Restrictions d’accès',
    accessHint: 'Laissez vide pour que toute personne ayant le lien puisse télécharger.',
    ips: 'Adresses IP autorisées',
    countries: 'Pays autorisés',
    countriesHint: 'Codes à deux lettres, par ex. FR BE CH',
    emails: 'Comptes 1fichier autorisés (adresses e-mail)',
    listHint: 'Séparez par des espaces ou des virgules.',
    premium: 'Comptes Premium uniquement',
    remembered: 'Ces choix sont gardés pour le prochain dépôt jusqu’à la fermeture de l’application.',
    submit: 'Envoyer',
  },
  errors: {
    password: 'Un mot de passe compte au moins 6 caractères.',
    description: 'Une description compte au plus 2 000 caractères.',
    ips: 'Au plus 100 adresses, de 64 caractères au plus chacune.',
    countries: 'Utilisez des codes pays à deux lettres comme FR.',
    emails: 'Saisissez des adresses e-mail valides.',
  },
}
