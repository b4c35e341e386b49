import { useEffect, useRef, useState } from 'react'
import type { LinkCheck } from '../../../shared/model/link-check'
import { describeError } from '../../lib/describe-error'
import { call } from '../../lib/ipc'

/** What the dialog knows of a link: checked, being checked, or the check failed (the link can still be added). */
export type CheckedLink =
  { kind: 'checked'; check: LinkCheck } | { kind: 'checking' } | { kind: 'failed'; message: string }

/** Links are checked once typing pauses this long. */
const SETTLE_MS = 400
/** At most this many links per request (the core batches them by 100 for 1fichier). */
const PER_CALL = 1000

/**
 * Checks new file links with 1fichier's link check (`links:check`) once the text stops changing, and keeps
 * what it learnt for the dialog's lifetime: a link is asked about once.
 */
export function useLinkChecks(urls: readonly string[]): ReadonlyMap<string, CheckedLink> {
  const [known, setKnown] = useState<ReadonlyMap<string, CheckedLink>>(() => new Map())
  const asked = useRef(new Set<string>())
  const key = urls.join('\n')

  useEffect(() => {
    const wanted = key === '' ? [] : key.split('\n').filter((url) => !asked.current.has(url))
    if (wanted.length === 0) return
    const timer = setTimeout(() => {
      const batch = wanted.slice(0, PER_CALL)
      for (const url of batch) asked.current.add(url)
      setKnown(
        (current) => new Map([...current, ...batch.map((url) => [url, { kind: 'checking' }] as const)]),
      )
      call('links:check', { urls: batch }).then(
        ({ results }) =>
          setKnown(
            (current) =>
              new Map([
                ...current,
                ...results.map((check) => [check.url, { kind: 'checked', check }] as const),
              ]),
          ),
        (error: unknown) => {
          const message = describeError(error)
          // Failed links may be asked again on the next change.
          for (const url of batch) asked.current.delete(url)
          setKnown(
            (current) =>
              new Map([...current, ...batch.map((url) => [url, { kind: 'failed', message }] as const)]),
          )
        },
      )
    }, SETTLE_MS)
    return () => clearTimeout(timer)
  }, [key])

  return known
}
