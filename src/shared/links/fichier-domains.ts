import { z } from 'zod'

/** The 11 domains a 1fichier file may live on, indexed by the API's numeric `domain`. */
export const FICHIER_DOMAINS = [
  '1fichier.com',
  'alterupload.com',
  'cjoint.net',
  'desfichiers.com',
  'dfichiers.com',
  'megadl.fr',
  'mesfichiers.org',
  'piecejointe.net',
  'pjointe.com',
  'tenvoi.com',
  'dl4free.com',
] as const

export const FichierDomain = z.enum(FICHIER_DOMAINS)
export type FichierDomain = z.infer<typeof FichierDomain>

/** The 1fichier domain `host` belongs to (the domain itself or any sub-domain of it), if any. */
export function fichierDomainOf(host: string): FichierDomain | undefined {
  const normalized = host.toLowerCase().replace(/\.$/, '')
  return FICHIER_DOMAINS.find((domain) => normalized === domain || normalized.endsWith(`.${domain}`))
}

/** Whether `host` is one of the 11 1fichier domains or a sub-domain of one (`www.`, `a-4.`, old-style `<id>.`). */
export function isFichierDomain(host: string): boolean {
  return fichierDomainOf(host) !== undefined
}
