import type { EventPayload } from '../../shared/contract/events'
import type { AccountState } from '../../shared/model/account'
import type { Settings } from '../../shared/model/settings'

export interface LinkError {
  step: 'snapshot' | 'ready'
  code: string
  message: string
}

/** What the frame shows besides transfers: the API pause, the account, the link to main. */
export interface AppStatusState {
  /** Set while 1fichier asked us to slow down. */
  apiPause: { until: number; reason: string } | null
  account: AccountState | null
  app: { version: string; platform: string } | null
  /** The saved settings (the frame follows `theme`); null until loaded. */
  settings: Settings | null
  /** The remote folder open in the Remote files view: where dropped files are uploaded. */
  remoteFolder: { id: number; name: string }
  /**
   * Last failure of the data link, shown (translated) in the status bar: which step failed
   * (`snapshot`: the transfer list, `ready`: the app's first answer), with the error's code and message.
   */
  linkError: LinkError | null
  /** The desktop's latest request to the window (`app:request`); `seq` tells two equal ones apart. */
  windowRequest: { seq: number; request: EventPayload<'app:request'> } | null
}

export const EMPTY_APP_STATUS: AppStatusState = {
  apiPause: null,
  account: null,
  app: null,
  settings: null,
  remoteFolder: { id: 0, name: 'My files' },
  linkError: null,
  windowRequest: null,
}
