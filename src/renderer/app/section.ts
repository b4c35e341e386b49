import { z } from 'zod'

export const Section = z.enum(['transfers', 'remote', 'history', 'settings', 'account'])
export type Section = z.infer<typeof Section>
