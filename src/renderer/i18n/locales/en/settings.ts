/** English strings of the settings namespace: the reference every other language follows. */
export const settings = {}
