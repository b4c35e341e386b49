import type { Translation } from '../../translation'
import type { remote as en } from '../en/remote'

export const remote: Translation<typeof en> = {}
