/** English strings of the uploads namespace: the reference every other language follows. */
export const uploads = {
  /** The name shown for the account's root folder. */
  root: 'My files',
  overlay: {
    label: 'Drop to upload',
    title: 'Drop to upload to {{folder}}',
    body: 'Files and folders, uploaded into this folder.',
  },
  added_one: '{{count}} upload to {{folder}} added.',
  added_other: '{{count}} uploads to {{folder}} added.',
  addedSkipped_one: '{{count}} upload to {{folder}} added, {{skipped}} skipped.',
  addedSkipped_other: '{{count}} uploads to {{folder}} added, {{skipped}} skipped.',
  failed: 'Could not start the upload: {{message}}',
  failedAdvice:
    'Drop files saved on this computer; from an archive or a web page, save them to a folder first.',
  options: {
    title_one: 'Upload {{count}} item to {{folder}}',
    title_other: 'Upload {{count}} items to {{folder}}',
    intro: 'Set on every file once it is on 1fichier. Folders keep their structure.',
    password: 'Password (optional)',
    passwordHint: 'At least 6 characters. Whoever downloads the files will need it.',
    description: 'Description (optional)',
    cdn: 'Serve these files through the CDN (uses CDN credits)',
    access: 'Access restrictions',
    accessHint: 'Leave empty to let anyone with the link download.',
    ips: 'Allowed IP addresses',
    countries: 'Allowed countries',
    countriesHint: 'Two-letter codes, e.g. FR BE CH',
    emails: 'Allowed 1fichier accounts (e-mail addresses)',
    listHint: 'Separate with spaces or commas.',
    premium: 'Premium accounts only',
    remembered: 'These choices are kept for the next drop until the app closes.',
    submit: 'Upload',
  },
  errors: {
    password: 'A password needs at least 6 characters.',
    description: 'A description has at most 2,000 characters.',
    ips: 'At most 100 addresses, each of at most 64 characters.',
    countries: 'Use two-letter country codes such as FR.',
    emails: 'Enter valid e-mail addresses.',
  },
}
