/** English strings of the history namespace: the reference every other language follows. */
export const history = {}
