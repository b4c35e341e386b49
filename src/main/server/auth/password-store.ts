import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { PasswordError } from './password-error'

/** The server password's file in the state folder: the scrypt hash and its parameters, never the password. */
export const PASSWORD_FILE = 'server-password.json'
export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 1024

/** Parameters for new hashes: about 32 MiB and a tenth of a second per check on a small NAS. */
export const SCRYPT_DEFAULTS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const

const MAX_MEMORY = 256 * 1024 * 1024

const ScryptParams = z
  .object({
    N: z
      .int()
      .min(2 ** 10)
      .max(2 ** 22)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.int().min(1).max(32),
    p: z.int().min(1).max(16),
    keyLength: z.int().min(16).max(128),
  })
  .refine((o) => memoryFor(o) <= MAX_MEMORY, 'the parameters need too much memory')
type ScryptParams = z.infer<typeof ScryptParams>

const PasswordRecord = z.object({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  params: ScryptParams,
  salt: z.base64().refine((s) => Buffer.from(s, 'base64').length >= 16, 'the salt is too short'),
  hash: z.base64(),
  setAt: z.iso.datetime(),
})
export type PasswordRecord = z.infer<typeof PasswordRecord>

/** Throws a `PasswordError` unless the password is one the server accepts. */
export function checkNewPassword(password: string): void {
  const length = [...password.normalize('NFC')].length
  if (length < MIN_PASSWORD_LENGTH)
    throw new PasswordError(
      'PASSWORD_TOO_SHORT',
      `The password is too short (${length} characters): use at least ${MIN_PASSWORD_LENGTH}.`,
    )
  if (length > MAX_PASSWORD_LENGTH)
    throw new PasswordError(
      'PASSWORD_TOO_LONG',
      `The password is too long (${length} characters): use at most ${MAX_PASSWORD_LENGTH}.`,
    )
}

/**
 * Stores the server password in `<stateDir>/server-password.json` (mode 0600): a scrypt hash with a
 * random salt and the parameters it was made with, written atomically (a temporary file, then rename).
 */
export async function setServerPassword(
  stateDir: string,
  password: string,
  params: ScryptParams = SCRYPT_DEFAULTS,
): Promise<void> {
  checkNewPassword(password)
  const salt = randomBytes(16)
  const hash = await derive(password, salt, params)
  const record: PasswordRecord = {
    version: 1,
    kdf: 'scrypt',
    params: { N: params.N, r: params.r, p: params.p, keyLength: params.keyLength },
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    setAt: new Date().toISOString(),
  }
  await mkdir(stateDir, { recursive: true, mode: 0o700 })
  await writeAtomically(join(stateDir, PASSWORD_FILE), `${JSON.stringify(record, null, 2)}\n`)
}

/** True when a password file is in the state folder (even one that cannot be read: it is never ignored). */
export async function hasPassword(stateDir: string): Promise<boolean> {
  try {
    await readFile(join(stateDir, PASSWORD_FILE))
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** The stored password hash, or null when no password is set; a file that cannot be used is an error. */
export async function readPasswordRecord(stateDir: string): Promise<PasswordRecord | null> {
  const file = join(stateDir, PASSWORD_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new PasswordError(
      'PASSWORD_STORE_INVALID',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
      { cause: error },
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw invalidStore(file, error)
  }
  const parsed = PasswordRecord.safeParse(json)
  if (!parsed.success) throw invalidStore(file, parsed.error)
  return parsed.data
}

function invalidStore(file: string, cause: unknown): PasswordError {
  return new PasswordError(
    'PASSWORD_STORE_INVALID',
    `${file} is not a password file this version can read; set the password again with fichier serve --set-password.`,
    { cause },
  )
}

/** True when `password` is the one the record was made from (compared in constant time). */
export async function verifyPassword(record: PasswordRecord, password: string): Promise<boolean> {
  if ([...password].length > MAX_PASSWORD_LENGTH) return false
  const expected = Buffer.from(record.hash, 'base64')
  const actual = await derive(password, Buffer.from(record.salt, 'base64'), record.params)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** True when the record was made with weaker parameters than new hashes get. */
export function isOutdated(record: PasswordRecord): boolean {
  const { N, r, p, keyLength } = record.params
  return (
    N < SCRYPT_DEFAULTS.N ||
    r < SCRYPT_DEFAULTS.r ||
    p < SCRYPT_DEFAULTS.p ||
    keyLength < SCRYPT_DEFAULTS.keyLength
  )
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // NFC: the same password typed on macOS (decomposed accents) and elsewhere gives the same hash.
  const input = Buffer.from(password.normalize('NFC'), 'utf8')
  return new Promise((resolve, reject) => {
    scrypt(
      input,
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: memoryFor(params) + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

/** What scrypt allocates: 128·r·(N + p) bytes. */
function memoryFor(params: { N: number; r: number; p: number }): number {
  return 128 * params.r * (params.N + params.p)
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    // 'wx': a new file, so the mode applies (0600 under any umask) and nothing in place is reused.
    const handle = await open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}
