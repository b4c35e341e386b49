import { RemoteName } from '../../../shared/model/remote'

/** Why 1fichier would refuse a file or folder name, as a key of the remote namespace's `name` strings. */
export type NameProblem = 'empty' | 'tooLong' | 'badCharacters'

/** Checks a name with the contract's own rule before it is sent; null when it is acceptable. */
export function nameProblem(name: string): NameProblem | null {
  const parsed = RemoteName.safeParse(name)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  if (issue?.code === 'too_small') return 'empty'
  if (issue?.code === 'too_big') return 'tooLong'
  return 'badCharacters'
}
