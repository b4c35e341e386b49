import type { FichierDomain } from './fichier-domains'

/** `https://<domain>/?<id>`: the domain is kept, since a file must be requested on the one it lives on. */
export function canonicalFileUrl(domain: FichierDomain, id: string): string {
  return `https://${domain}/?${id.toLowerCase()}`
}

/** `https://<domain>/dir/<id>`. */
export function canonicalFolderUrl(domain: FichierDomain, id: string): string {
  return `https://${domain}/dir/${id}`
}
