/** English strings of the account namespace: the reference every other language follows. */
export const account = {}
