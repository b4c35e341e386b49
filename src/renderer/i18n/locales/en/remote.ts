/** English strings of the remote namespace: the reference every other language follows. */
export const remote = {}
