import type { Translation } from '../../translation'
import type { account as en } from '../en/account'

export const account: Translation<typeof en> = {}
