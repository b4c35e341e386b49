import type { ServerResponse } from 'node:http'
import type { FailRule } from './faults'

/** Answers with an injected failure: JSON for objects, text as given. */
export function sendFault(res: ServerResponse, rule: FailRule): void {
  const isText = typeof rule.body === 'string'
  const payload = Buffer.from(
    isText
      ? (rule.body as string)
      : JSON.stringify(rule.body ?? { status: 'KO', message: 'Injected failure' }),
  )
  res.writeHead(rule.status, {
    'Content-Type': isText ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
    Server: 'nginx',
    ...rule.headers,
  })
  res.end(payload)
}
