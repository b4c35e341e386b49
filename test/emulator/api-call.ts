import type { IncomingMessage } from 'node:http'
import type { JsonBody } from './body-fields'
import type { AccountRecord } from './records'
import type { EmulatorRuntime } from './runtime'

/** One authenticated API call as a handler sees it. */
export interface ApiCall {
  rt: EmulatorRuntime
  account: AccountRecord
  body: JsonBody
  req: IncomingMessage
  ip: string
  now: number
}

/** Answers an API call with the JSON body to send (200), or throws an `ApiRefusalError`. */
export type ApiHandler = (call: ApiCall) => Promise<Record<string, unknown>> | Record<string, unknown>
