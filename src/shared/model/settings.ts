import { z } from 'zod'
import { AltSpeedMode, SpeedSchedule } from './speed-schedule'

export const ConflictPolicy = z.enum(['rename', 'overwrite', 'skip'])
export type ConflictPolicy = z.infer<typeof ConflictPolicy>

export const ThemeSetting = z.enum(['system', 'light', 'dark'])
export const LanguageSetting = z.enum(['system', 'en', 'fr'])
export type LanguageSetting = z.infer<typeof LanguageSetting>
export const WhenQueueEmpty = z.enum(['nothing', 'notify', 'quit'])
/** An upload whose name and size are already in the target folder: send it anyway, or skip it. */
export const UploadDuplicates = z.enum(['upload', 'skip'])

/** Bytes per second; 0 means unlimited. */
const Rate = z
  .number()
  .int()
  .min(0)
  .max(10 * 1024 ** 3)

/** Each setting's own rule, without its default: patches are validated with these. */
const fields = {
  downloadDir: z.string().max(4096),
  maxActive: z.number().int().min(1).max(20),
  connectionsPerFile: z.number().int().min(1).max(16),
  accountConnections: z.number().int().min(1).max(30),
  downloadLimit: Rate,
  uploadLimit: Rate,
  /** When the alternative limits below replace the two above. */
  altSpeedMode: AltSpeedMode,
  altDownloadLimit: Rate,
  altUploadLimit: Rate,
  /** The weekly slots of the alternative limits (`altSpeedMode: 'schedule'`), in the machine's local time. */
  speedSchedule: SpeedSchedule,
  conflict: ConflictPolicy,
  uploadDuplicates: UploadDuplicates,
  closeToTray: z.boolean(),
  startMinimized: z.boolean(),
  startAtLogin: z.boolean(),
  keepAwake: z.boolean(),
  whenQueueEmpty: WhenQueueEmpty,
  clipboardWatch: z.boolean(),
  notifications: z.boolean(),
  theme: ThemeSetting,
  language: LanguageSetting,
}

/**
 * One schema for every setting, with its default. The API address is not among them: where the API
 * key goes is decided at start-up (`FICHIER_API_URL`), never by the window. `downloadDir` defaults to the empty string,
 * which means "the OS downloads folder" and is resolved by whoever owns the paths.
 */
export const Settings = z.object({
  version: z.literal(2).default(2),
  downloadDir: fields.downloadDir.default(''),
  maxActive: fields.maxActive.default(3),
  connectionsPerFile: fields.connectionsPerFile.default(4),
  accountConnections: fields.accountConnections.default(30),
  downloadLimit: fields.downloadLimit.default(0),
  uploadLimit: fields.uploadLimit.default(0),
  altSpeedMode: fields.altSpeedMode.default('off'),
  altDownloadLimit: fields.altDownloadLimit.default(1024 * 1024),
  altUploadLimit: fields.altUploadLimit.default(512 * 1024),
  speedSchedule: fields.speedSchedule.default([]),
  conflict: fields.conflict.default('rename'),
  uploadDuplicates: fields.uploadDuplicates.default('upload'),
  closeToTray: fields.closeToTray.default(true),
  startMinimized: fields.startMinimized.default(false),
  startAtLogin: fields.startAtLogin.default(false),
  keepAwake: fields.keepAwake.default(true),
  whenQueueEmpty: fields.whenQueueEmpty.default('nothing'),
  clipboardWatch: fields.clipboardWatch.default(false),
  notifications: fields.notifications.default(true),
  theme: fields.theme.default('system'),
  language: fields.language.default('system'),
})
export type Settings = z.infer<typeof Settings>

/** A change to the settings: any subset of the fields, each validated as in `Settings`, nothing filled in. */
export const SettingsPatch = z.object(fields).partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>

export const DEFAULT_SETTINGS: Settings = Settings.parse({})
