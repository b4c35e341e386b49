/**
 * The shape another language must give for an English namespace: the same keys, nested the same
 * way, every leaf a string. A missing or extra key is a type error.
 */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> }
