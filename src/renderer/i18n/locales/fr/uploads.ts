import type { Translation } from '../../translation'
import type { uploads as en } from '../en/uploads'

export const uploads: Translation<typeof en> = {}
