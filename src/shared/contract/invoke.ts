import { z } from 'zod'
import type { InvokeChannel } from './channels'
import { AccountState, ApiKey } from '../model/account'
import {
  AddRequest,
  AddResult,
  FileOptions,
  ReorderRequest,
  Selection,
  SelectionResult,
} from '../model/intake'
import { FolderId, RemoteListing, RemoteName, RemoteSelection, RemoteTarget } from '../model/remote'
import { ServerFolderListing, ServerPath } from '../model/server-files'
import { Settings, SettingsPatch } from '../model/settings'
import { LinkCheck } from '../model/link-check'
import { TransferView } from '../model/transfer'

const Empty = z.object({}).strict()

/**
 * Input and output schema of every command. `satisfies` makes a missing or misspelt channel a
 * compile error; every handler and client type below is derived from this map.
 */
export const invokeSchemas = {
  'app:ready': {
    input: Empty,
    output: z.object({
      version: z.string(),
      platform: z.string(),
      /** Set when 1fichier has asked us to slow down and calls are paused until then (epoch ms). */
      apiPausedUntil: z.number().nullable(),
    }),
  },
  'account:status': { input: Empty, output: AccountState },
  'account:setKey': {
    input: z.object({ key: ApiKey, persist: z.enum(['encrypted', 'session']).default('encrypted') }).strict(),
    output: AccountState,
  },
  'account:clearKey': { input: Empty, output: AccountState },
  'transfers:list': {
    input: Empty,
    output: z.object({ revision: z.number().int().nonnegative(), items: z.array(TransferView) }),
  },
  'transfers:add': { input: AddRequest, output: AddResult },
  'transfers:pause': { input: Selection, output: SelectionResult },
  'transfers:resume': { input: Selection, output: SelectionResult },
  'transfers:cancel': { input: Selection, output: SelectionResult },
  'transfers:remove': { input: Selection, output: SelectionResult },
  'transfers:reorder': { input: ReorderRequest, output: SelectionResult },
  /** A password for downloads that are not running (e.g. failed on a missing or wrong one); they are tried again. */
  'transfers:setPassword': {
    input: z
      .object({
        ids: z.array(z.string().min(1).max(100)).min(1).max(10_000),
        password: z.string().min(1, 'Enter the password').max(256),
      })
      .strict(),
    output: SelectionResult,
  },
  /**
   * Opens a transfer's local file with the system's default application, or shows it in the file
   * manager (`reveal`). Main finds the path from the transfer itself: the renderer never names one.
   */
  'transfers:open': {
    input: z.object({ id: z.string().min(1).max(100), reveal: z.boolean().default(false) }).strict(),
    output: z.object({ path: z.string() }),
  },
  /** Finished transfers, newest first: kept when they leave the queue, until the user clears them. */
  /** Name, size and state of 1fichier file links before they are added (1fichier's link check). */
  'links:check': {
    input: z.object({ urls: z.array(z.string().min(1).max(2048)).min(1).max(1000) }).strict(),
    output: z.object({ results: z.array(LinkCheck) }),
  },
  'history:list': { input: Empty, output: z.object({ items: z.array(TransferView) }) },
  /** Forgets the history entries `ids`, or all of them. */
  'history:clear': {
    input: z.object({ ids: z.array(z.string().min(1).max(100)).max(100_000).optional() }).strict(),
    output: z.object({ removed: z.number().int().nonnegative() }),
  },
  'remote:list': {
    input: z.object({ folderId: FolderId, refresh: z.boolean().default(false) }).strict(),
    output: RemoteListing,
  },
  'remote:createFolder': {
    input: z.object({ parentId: FolderId, name: RemoteName }).strict(),
    output: z.object({ id: FolderId, name: z.string() }),
  },
  'remote:rename': {
    input: z.object({ target: RemoteTarget, name: RemoteName }).strict(),
    output: z.object({ name: z.string() }),
  },
  'remote:move': {
    input: z.object({ selection: RemoteSelection, destinationId: FolderId }).strict(),
    output: z.object({ moved: z.number().int().nonnegative() }),
  },
  /** Folders go with everything in them. */
  'remote:delete': {
    input: z.object({ selection: RemoteSelection }).strict(),
    output: z.object({
      removedFiles: z.number().int().nonnegative(),
      removedFolders: z.number().int().nonnegative(),
    }),
  },
  'remote:share': {
    input: z
      .object({
        folderId: FolderId.min(1, 'Share a folder, not the root'),
        password: z.string().min(6).max(256).optional(),
      })
      .strict(),
    output: z.object({ url: z.string() }),
  },
  /** Sets a password, description, access rules or the CDN flag on files of the account (1fichier's file/chattr). */
  'remote:setOptions': {
    input: z
      .object({
        files: z.array(z.string().min(1).max(2048)).min(1, 'Select at least one file').max(1000),
        options: FileOptions,
      })
      .strict(),
    output: z.object({ updated: z.number().int().nonnegative() }),
  },
  /** The native folder picker (the app only); null when the user cancelled. */
  'dialog:pickFolder': {
    input: z.object({ title: z.string().max(200).optional() }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /**
   * Folders of the machine that runs `fichier serve` (its `--root` folders, or one inside them), for uploading
   * files already on the server. Only the served interface has them; the desktop app answers SERVED_ONLY.
   */
  'serverFiles:list': {
    input: z.object({ path: ServerPath.nullable() }).strict(),
    output: ServerFolderListing,
  },
  'settings:get': { input: Empty, output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
} as const satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>

type Schemas = typeof invokeSchemas

/** What a caller passes (defaults may be left out). */
export type InvokeInput<C extends InvokeChannel> = z.input<Schemas[C]['input']>
/** What a handler receives, after parsing and defaults. */
export type InvokeParsed<C extends InvokeChannel> = z.output<Schemas[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = z.output<Schemas[C]['output']>
