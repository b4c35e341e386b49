/** English strings shared by every view: the reference every other language follows. */
export const common = {
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  retry: 'Retry',
  refresh: 'Refresh',
  loading: 'Loading…',
  unknown: '—',
}
