import { UploadOptions } from '../../../shared/model/intake'

/** The upload options dialog as the user fills it: free text, split and checked on submit. */
export interface UploadForm {
  password: string
  description: string
  cdn: boolean
  /** IP addresses or ranges, separated by spaces, commas or new lines. */
  ips: string
  /** ISO country codes, e.g. `FR BE`. */
  countries: string
  emails: string
  premiumOnly: boolean
}

export const EMPTY_UPLOAD_FORM: UploadForm = {
  password: '',
  description: '',
  cdn: false,
  ips: '',
  countries: '',
  emails: '',
  premiumOnly: false,
}

/** A field of the form that can be refused. */
export type UploadFormField = 'password' | 'description' | 'ips' | 'countries' | 'emails'

export type UploadFormOutcome =
  { ok: true; options: UploadOptions | undefined } | { ok: false; invalid: UploadFormField[] }

const split = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')

const FIELD_OF_PATH: Record<string, UploadFormField> = {
  password: 'password',
  description: 'description',
  ip: 'ips',
  country: 'countries',
  email: 'emails',
}

/**
 * The contract's upload options for a filled form (undefined when nothing is set), or the fields
 * the contract refuses. Countries are upper-cased; an empty field sets nothing.
 */
export function uploadOptionsOf(form: UploadForm): UploadFormOutcome {
  const ip = split(form.ips)
  const country = split(form.countries).map((code) => code.toUpperCase())
  const email = split(form.emails)
  const acl = {
    ...(ip.length ? { ip } : {}),
    ...(country.length ? { country } : {}),
    ...(email.length ? { email } : {}),
    ...(form.premiumOnly ? { premium: true } : {}),
  }
  const description = form.description.trim()
  const candidate = {
    ...(form.password ? { password: form.password } : {}),
    ...(description ? { description } : {}),
    ...(form.cdn ? { cdn: true } : {}),
    ...(Object.keys(acl).length ? { acl } : {}),
  }
  const parsed = UploadOptions.safeParse(candidate)
  if (!parsed.success) {
    const invalid = new Set<UploadFormField>()
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).find((part) => part in FIELD_OF_PATH)
      if (field) invalid.add(FIELD_OF_PATH[field] ?? 'description')
    }
    return { ok: false, invalid: [...invalid] }
  }
  return { ok: true, options: Object.keys(parsed.data).length ? parsed.data : undefined }
}
