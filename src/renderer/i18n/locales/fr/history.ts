import type { Translation } from '../../translation'
import type { history as en } from '../en/history'

export const history: Translation<typeof en> = {}
