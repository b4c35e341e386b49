import { readFile, stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { Writable, type Readable } from 'node:stream'
import { PasswordError } from './password-error'
import { checkNewPassword } from './password-store'

export interface ReadNewPasswordOptions {
  /**
   * `--password-file F`: the password is the file's one line (a final line break is not part of it);
   * a file that group or others can read is refused, as the key file is.
   */
  passwordFile?: string
  stdin: Readable
  /** Standard input is a terminal: the password is asked twice, without echo. */
  isTTY: boolean
  /** Where the prompts go (default: standard error, so standard output stays for results). */
  prompt?: Writable
}

/**
 * The new server password for `fichier serve --set-password`: from `--password-file`, else asked twice
 * at the terminal without echo, else the first line of standard input. Throws a `PasswordError` with
 * a clear message when none comes, when the two entries differ or when it is too short.
 */
export async function readNewPassword(o: ReadNewPasswordOptions): Promise<string> {
  const password =
    o.passwordFile !== undefined
      ? await fromFile(o.passwordFile)
      : o.isTTY
        ? await fromTerminal(o.stdin, o.prompt ?? process.stderr)
        : await fromPipe(o.stdin)
  checkNewPassword(password)
  return password
}

async function fromFile(file: string): Promise<string> {
  let text: string
  try {
    const mode = (await stat(file)).mode
    if (process.platform !== 'win32' && (mode & 0o077) !== 0)
      throw new PasswordError(
        'PASSWORD_FILE_UNSAFE',
        `The password file ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}). Run: chmod 600 ${file}`,
      )
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (error instanceof PasswordError) throw error
    throw new PasswordError(
      'PASSWORD_FILE_UNREADABLE',
      `Cannot read the password file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
      { cause: error },
    )
  }
  const password = text.replace(/\r?\n$/, '')
  if (password === '') throw new PasswordError('PASSWORD_MISSING', `The password file ${file} is empty.`)
  if (/[\r\n]/.test(password))
    throw new PasswordError(
      'PASSWORD_MISSING',
      `The password file ${file} has several lines: put the password alone on one line.`,
    )
  return password
}

async function fromPipe(stdin: Readable): Promise<string> {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity, terminal: false })
  try {
    for await (const line of lines) {
      if (line === '') break
      return line
    }
  } finally {
    lines.close()
  }
  throw new PasswordError(
    'PASSWORD_MISSING',
    'No password on standard input: pipe it in on one line, or use --password-file FILE.',
  )
}

async function fromTerminal(stdin: Readable, prompt: Writable): Promise<string> {
  const first = await askHidden(stdin, prompt, 'New server password: ')
  if (first === '') throw new PasswordError('PASSWORD_MISSING', 'No password was typed.')
  checkNewPassword(first)
  const second = await askHidden(stdin, prompt, 'Same password again: ')
  if (first !== second)
    throw new PasswordError('PASSWORDS_DIFFER', 'The two passwords differ; nothing was set.')
  return first
}

/** One line typed at the terminal: readline edits it, but its echo goes nowhere. */
function askHidden(stdin: Readable, prompt: Writable, question: string): Promise<string> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  // The terminal leaves echo mode before the question shows, so nothing typed ahead is echoed.
  const rl = createInterface({ input: stdin, output: silent, terminal: true })
  prompt.write(question)
  return new Promise((resolve, reject) => {
    let answered = false
    rl.once('line', (line) => {
      answered = true
      prompt.write('\n')
      rl.close()
      resolve(line)
    })
    rl.once('close', () => {
      if (answered) return
      prompt.write('\n')
      reject(new PasswordError('PASSWORD_MISSING', 'No password was typed.'))
    })
    // Ctrl+C at the prompt: readline takes it in raw mode, so it is passed on as the interruption it is.
    rl.once('SIGINT', () => {
      rl.close()
      process.kill(process.pid, 'SIGINT')
    })
  })
}
