/** English strings of the account namespace: the reference every other language follows. */
export const account = {
  title: 'Account',
  key: {
    title: 'Your API key',
    intro:
      'Fichier Desk talks to 1fichier with your API key (Premium or Access accounts). Find it on 1fichier.com under Parameters → API.',
    statusLabel: 'Key status',
    set: 'A key is set.',
    none: 'No API key yet.',
    storage: {
      encrypted: 'Your key is stored encrypted by the system keychain.',
      session: 'Your key is kept in memory for this session only; you will enter it again next time.',
      none: 'No key is stored.',
    },
    /** In a browser, against `fichier serve`: there is no keychain on the server. */
    server: {
      note: 'This server has no system keychain: a saved key is kept in its state folder, in the file api-key that only the user running fichier serve can read (mode 600). The key never reaches this browser.',
      encrypted: 'Your key is saved on the server, in its state folder (file api-key, mode 600).',
      session:
        'Your key was given when the server started (--key-file or FICHIER_API_KEY), or is kept in its memory until it stops.',
    },
    noEncryption:
      'This system offers no encryption for secrets (no keyring). The key can only be kept for this session.',
    label: 'API key',
    placeholderReplace: '•••••••• (enter a new key to replace it)',
    placeholder: '32 characters',
    sessionOnly: 'Keep it for this session only',
    save: 'Save key',
    remove: 'Remove key',
    saved: 'Key saved and checked.',
    removed: 'Key removed.',
  },
  errors: {
    format:
      'An API key is 32 letters, digits, “-”, “_” or “=”. Copy it again from 1fichier.com/console/params.pl.',
    AUTH_INVALID_KEY:
      '1fichier refused the API key: it is wrong or was revoked. Create a key at 1fichier.com/console/params.pl.',
    NOT_CUSTOMER:
      'This key belongs to a free 1fichier account. Downloads through the API need a Premium or Access subscription.',
    NETWORK: 'Could not reach 1fichier: check your internet connection, then try again.',
    FLOOD_LOCKED: '1fichier asked us to slow down: try again in a minute.',
    RATE_LIMITED: '1fichier asked us to slow down: try again in a minute.',
    other: 'Something went wrong: {{message}}',
  },
  health: {
    title: 'Account health',
    label: 'Account details',
    empty: 'Account details appear here once the key is checked.',
    email: 'Email',
    offer: 'Offer',
    offers: { free: 'Free', premium: 'Premium', access: 'Access', unknown: 'Unknown offer' },
    subscriptionEnd: 'Subscription ends',
    hotStorage: 'Hot storage used',
    coldStorage: 'Cold storage used',
    ofQuota: '{{used}} of {{quota}}',
    cdnCredits: 'CDN credits',
    cdnInUse: '{{credits}} (in use)',
    cdnSpent: 'Spent',
    uploads: 'Uploads',
    uploadsForbidden: 'Forbidden by 1fichier',
    uploadsAllowed: 'Allowed',
    quota: 'Quota',
    overQuota: 'Over quota',
    withinQuota: 'Within quota',
    checked: 'Last checked',
    checkedNote: '1fichier allows one account read every 5 minutes.',
    refresh: 'Check now',
    nextCheck: 'Next check possible at {{time}}',
  },
  warnings: {
    label: 'Account warnings',
    freeAccount:
      'This is a free 1fichier account: listings and uploads work, but downloads through the API need a Premium or Access subscription.',
    subscriptionEnded: 'Your subscription has ended: downloads through the API stop until you renew it.',
    subscriptionEndsToday: 'Your subscription ends within a day: renew it to keep downloading.',
    subscriptionEnding_one: 'Your subscription ends in 1 day: renew it to keep downloading.',
    subscriptionEnding_other: 'Your subscription ends in {{count}} days: renew it to keep downloading.',
    overQuota: 'Your account is over its storage quota: free some space before uploading more.',
    uploadsForbidden:
      '1fichier forbids uploads on this account for now: uploads wait until it allows them again.',
    cdnSpent: 'Your CDN credits are spent although CDN is on: downloads from your account may slow down.',
  },
}
