import { z } from 'zod'

/** What 1fichier's link check says of a file link: there, gone, protected (password or access rules), or not a link. */
export const LinkState = z.enum(['online', 'not-found', 'private', 'bad-link', 'unknown'])
export type LinkState = z.infer<typeof LinkState>

export const LinkCheck = z.object({
  url: z.string(),
  state: LinkState,
  /** Known for online files. */
  name: z.string().nullable(),
  size: z.number().int().nonnegative().nullable(),
})
export type LinkCheck = z.infer<typeof LinkCheck>
