import type { Command } from '../command'
import { accountCommand } from './account'
import { downloadCommand } from './download'
import { historyCommand } from './history'
import { linkCommand } from './link'
import { lsCommand } from './ls'
import { mkdirCommand } from './mkdir'
import { mvCommand } from './mv'
import { remoteUploadCommand } from './remote-upload'
import { renameCommand } from './rename'
import { rmCommand } from './rm'
import { serveCommand } from './serve'
import { uploadCommand } from './upload'

/** Every sub-command, in the order `fichier --help` lists them. */
export const COMMANDS: readonly Command[] = [
  uploadCommand,
  downloadCommand,
  lsCommand,
  mkdirCommand,
  mvCommand,
  rmCommand,
  renameCommand,
  linkCommand,
  remoteUploadCommand,
  accountCommand,
  historyCommand,
  serveCommand,
]
