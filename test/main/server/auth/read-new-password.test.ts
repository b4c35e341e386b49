import { spawn, spawnSync } from 'node:child_process'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { readNewPassword } from '../../../../src/main/server/auth'

let dir: string | undefined

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

/** A standard input that holds `text` and then ends. */
function input(text: string): PassThrough {
  const stream = new PassThrough()
  stream.end(text)
  return stream
}

async function passwordFile(content: string): Promise<string> {
  dir ??= await mkdtemp(join(tmpdir(), 'fd-pwfile-'))
  const file = join(dir, 'password')
  await writeFile(file, content, { mode: 0o600 })
  await chmod(file, 0o600)
  return file
}

/** util-linux `script` runs a command on a pseudo-terminal: the prompt meets a real TTY. */
const hasScript = spawnSync('script', ['--version']).status === 0

/** Runs readNewPassword in a child on a terminal, types each answer once its prompt shows, and returns what the terminal showed. */
async function onTerminal(
  folder: string,
  answers: string[],
): Promise<{ code: number | null; screen: string }> {
  const script = join(folder, 'read.mts')
  const entry = resolve('src/main/server/auth/index.ts')
  await writeFile(
    script,
    `import { readNewPassword } from ${JSON.stringify(entry)}\n` +
      `try {\n` +
      `  const password = await readNewPassword({ stdin: process.stdin, isTTY: Boolean(process.stdin.isTTY) })\n` +
      `  process.stdout.write('GOT' + JSON.stringify(password) + '\\n')\n` +
      `} catch (error) {\n` +
      `  process.stdout.write('ERR ' + error.code + ' ' + error.message + '\\n')\n` +
      `  process.exitCode = 1\n` +
      `}\n`,
  )
  const child = spawn('script', ['-qfec', `${process.execPath} --import tsx ${script}`, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let screen = ''
  const prompts = ['New server password: ', 'Same password again: ']
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString()
    while (prompts[0] && screen.includes(prompts[0]) && answers.length > 0) {
      prompts.shift()
      child.stdin.write(`${answers.shift()}\r`)
    }
  })
  const code = await new Promise<number | null>((done) => child.on('exit', done))
  return { code, screen }
}

describe('reading a new server password', () => {
  it('takes --password-file first: its one line, without the final line break', async () => {
    const stdin = input('from stdin 1234\n')
    expect(
      await readNewPassword({ passwordFile: await passwordFile('from the file\n'), stdin, isTTY: false }),
    ).toBe('from the file')
    expect(
      await readNewPassword({ passwordFile: await passwordFile('crlf ending!\r\n'), stdin, isTTY: true }),
    ).toBe('crlf ending!')
    expect(
      await readNewPassword({ passwordFile: await passwordFile(' spaces kept '), stdin, isTTY: false }),
    ).toBe(' spaces kept ')
  })

  it('says why a password file is refused: missing, empty, several lines, too short', async () => {
    const stdin = input('')
    await expect(
      readNewPassword({ passwordFile: '/nonexistent/fd-password', stdin, isTTY: false }),
    ).rejects.toMatchObject({
      code: 'PASSWORD_FILE_UNREADABLE',
      message: 'Cannot read the password file /nonexistent/fd-password: ENOENT.',
    })
    await expect(
      readNewPassword({ passwordFile: await passwordFile('\n'), stdin, isTTY: false }),
    ).rejects.toMatchObject({ code: 'PASSWORD_MISSING', message: expect.stringContaining('is empty') })
    await expect(
      readNewPassword({
        passwordFile: await passwordFile('first line 123\nsecond line 456\n'),
        stdin,
        isTTY: false,
      }),
    ).rejects.toMatchObject({ code: 'PASSWORD_MISSING', message: expect.stringContaining('several lines') })
    await expect(
      readNewPassword({ passwordFile: await passwordFile('tiny\n'), stdin, isTTY: false }),
    ).rejects.toMatchObject({ code: 'PASSWORD_TOO_SHORT' })
    const shared = await passwordFile('readable by all\n')
    await chmod(shared, 0o644)
    await expect(readNewPassword({ passwordFile: shared, stdin, isTTY: false })).rejects.toMatchObject({
      code: 'PASSWORD_FILE_UNSAFE',
      message: `The password file ${shared} can be read by other users (mode 644). Run: chmod 600 ${shared}`,
    })
  })

  it("takes standard input's first line when it is not a terminal", async () => {
    expect(await readNewPassword({ stdin: input('piped password\nignored\n'), isTTY: false })).toBe(
      'piped password',
    )
    expect(await readNewPassword({ stdin: input('no final break'), isTTY: false })).toBe('no final break')
    await expect(readNewPassword({ stdin: input(''), isTTY: false })).rejects.toMatchObject({
      code: 'PASSWORD_MISSING',
      message: 'No password on standard input: pipe it in on one line, or use --password-file FILE.',
    })
    await expect(
      readNewPassword({ stdin: input('\nsecond line 123\n'), isTTY: false }),
    ).rejects.toMatchObject({
      code: 'PASSWORD_MISSING',
    })
    await expect(readNewPassword({ stdin: input('short\n'), isTTY: false })).rejects.toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
    })
  })

  it('in a real process, reads the piped line and lets the process end though standard input stays open', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-pwproc-'))
    const script = join(dir, 'read.mts')
    const entry = resolve('src/main/server/auth/index.ts')
    await writeFile(
      script,
      `import { readNewPassword } from ${JSON.stringify(entry)}\n` +
        `const password = await readNewPassword({ stdin: process.stdin, isTTY: false })\n` +
        `process.stdout.write(JSON.stringify(password))\n`,
    )
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    // The writer keeps standard input open after the first line.
    child.stdin.write('from a pipe é\n')
    const code = await new Promise<number | null>((done) => child.on('exit', done))
    child.stdin.destroy()
    expect(code).toBe(0)
    expect(JSON.parse(out)).toBe('from a pipe é')
  })

  it.skipIf(!hasScript)('at a terminal, asks twice without echoing what is typed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-pwtty-'))
    const same = await onTerminal(dir, ['typed secret 1', 'typed secret 1'])
    expect(same.screen).toContain('New server password: ')
    expect(same.screen).toContain('Same password again: ')
    expect(same.screen).toContain('GOT"typed secret 1"')
    expect(same.screen.split('GOT')[0]).not.toContain('typed secret')
    expect(same.code).toBe(0)

    const differ = await onTerminal(dir, ['typed secret 1', 'typed secret 2'])
    expect(differ.screen).toContain('ERR PASSWORDS_DIFFER The two passwords differ; nothing was set.')
    expect(differ.code).toBe(1)

    const short = await onTerminal(dir, ['short'])
    expect(short.screen).toContain('ERR PASSWORD_TOO_SHORT')
    expect(short.screen).not.toContain('Same password again')
  })
})
