/** English strings of the frame (sidebar, status bar, app-wide notices): the reference every other language follows. */
export const shell = {
  sections: {
    label: 'Sections',
    transfers: 'Transfers',
    remote: 'Remote files',
    settings: 'Settings',
    account: 'Account',
  },
}
