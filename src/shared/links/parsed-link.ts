import { z } from 'zod'
import { FichierDomain } from './fichier-domains'

/** A public file link found in a paste, in canonical form. */
export const ParsedFileLink = z.object({
  /** `https://<domain>/?<id>`. */
  url: z.string(),
  /** 5–20 characters of `[a-z0-9]`, lowercase. */
  id: z.string(),
  domain: FichierDomain,
  password: z.string().optional(),
})
export type ParsedFileLink = z.infer<typeof ParsedFileLink>

/** A public folder link found in a paste, in canonical form. */
export const ParsedFolderLink = z.object({
  /** `https://<domain>/dir/<id>`. */
  url: z.string(),
  /** Alphanumeric, case kept. */
  id: z.string(),
  domain: FichierDomain,
  password: z.string().optional(),
})
export type ParsedFolderLink = z.infer<typeof ParsedFolderLink>

export const ParsedLinks = z.object({
  files: z.array(ParsedFileLink),
  folders: z.array(ParsedFolderLink),
  /** Canonical links seen more than once, or already known. */
  duplicates: z.array(z.string()),
  rejected: z.array(z.object({ line: z.string(), reason: z.string() })),
})
export type ParsedLinks = z.infer<typeof ParsedLinks>
