import type { FileOptions } from '../../../shared/model/intake'
import type { FileAttributes } from './fichier-client'

/** The file/chattr attributes for options chosen in the app (given fields only; '' clears). */
export function attributesFromOptions(options: FileOptions): FileAttributes {
  return {
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.cdn !== undefined ? { cdn: options.cdn } : {}),
    ...(options.acl ? { acl: options.acl } : {}),
  }
}
