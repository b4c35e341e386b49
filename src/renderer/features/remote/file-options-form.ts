import type { FileOptions } from '../../../shared/model/intake'
import { uploadOptionsOf, type UploadForm, type UploadFormField } from '../uploads/upload-form'

export type FileOptionsOutcome =
  | { ok: true; options: FileOptions }
  | { ok: false; invalid: UploadFormField[] }
  | { ok: false; nothing: true }

/**
 * The contract's options for files already on 1fichier. Only what is filled in changes: an empty
 * field leaves the files as they are, and `removePassword` takes their password off.
 */
export function fileOptionsOf(form: UploadForm, removePassword: boolean): FileOptionsOutcome {
  const outcome = uploadOptionsOf(removePassword ? { ...form, password: '' } : form)
  if (!outcome.ok) return outcome
  const options: FileOptions = { ...outcome.options, ...(removePassword ? { password: '' } : {}) }
  return Object.keys(options).length > 0 ? { ok: true, options } : { ok: false, nothing: true }
}
