/** English strings of the transfers namespace: the reference every other language follows. */
export const transfers = {}
