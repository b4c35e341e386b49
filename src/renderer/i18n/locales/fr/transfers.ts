import type { Translation } from '../../translation'
import type { transfers as en } from '../en/transfers'

export const transfers: Translation<typeof en> = {}
