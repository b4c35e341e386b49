/** English strings of the uploads namespace: the reference every other language follows. */
export const uploads = {}
