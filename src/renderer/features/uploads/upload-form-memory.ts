import { EMPTY_UPLOAD_FORM, type UploadForm } from './upload-form'

let remembered: UploadForm = EMPTY_UPLOAD_FORM

/**
 * The last upload options chosen, kept for as long as the window lives (not saved: a password
 * typed for one batch is not written to disk).
 */
export const uploadFormMemory = {
  get(): UploadForm {
    return remembered
  },
  set(form: UploadForm): void {
    remembered = form
  },
}
