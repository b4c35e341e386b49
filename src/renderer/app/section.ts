import { z } from 'zod'

export const Section = z.enum(['transfers', 'remote', 'settings', 'account'])
export type Section = z.infer<typeof Section>

export const SECTION_LABELS: Record<Section, string> = {
  transfers: 'Transfers',
  remote: 'Remote files',
  settings: 'Settings',
  account: 'Account',
}
