/**
 * Every IPC channel name, once. The preload imports only this file, so it stays tiny and cannot
 * drift from the schemas: `invoke.ts` and `events.ts` are checked against these lists.
 */
export const INVOKE_CHANNELS = [
  'app:ready',
  'account:status',
  'account:setKey',
  'account:clearKey',
  'transfers:list',
  'transfers:add',
  'links:check',
  'transfers:open',
  'transfers:pause',
  'transfers:resume',
  'transfers:cancel',
  'transfers:remove',
  'transfers:reorder',
  'transfers:setPassword',
  'history:list',
  'history:clear',
  'remote:list',
  'remote:createFolder',
  'remote:rename',
  'remote:move',
  'remote:delete',
  'remote:share',
  'remote:setOptions',
  'dialog:pickFolder',
  'serverFiles:list',
  'settings:get',
  'settings:update',
] as const

export const EVENT_CHANNELS = [
  'transfers:changed',
  'transfers:progress',
  'account:changed',
  'history:changed',
  'api:paused',
  'app:request',
] as const

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number]
export type EventChannel = (typeof EVENT_CHANNELS)[number]

const invokeSet: ReadonlySet<string> = new Set(INVOKE_CHANNELS)
const eventSet: ReadonlySet<string> = new Set(EVENT_CHANNELS)

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && invokeSet.has(name)
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && eventSet.has(name)
}
