import type { Translation } from '../../translation'
import type { settings as en } from '../en/settings'

export const settings: Translation<typeof en> = {}
