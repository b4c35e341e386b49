import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasPassword } from '../../../src/main/server/auth/index'
import { runCli } from '../cli/cli-process'

let stateDir: string

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'fd-serve-cmd-'))
})

afterAll(async () => {
  await rm(stateDir, { recursive: true, force: true })
})

describe('fichier serve command line', () => {
  it('exits 2 at once when asked to listen beyond loopback with no password, saying how to set one', async () => {
    for (const listen of ['0.0.0.0:8383', '192.168.1.20:9000', '[::]:8383']) {
      const run = await runCli(['serve', '--listen', listen, '--state-dir', stateDir])
      expect(run.code, listen).toBe(2)
      expect(run.stderr).toMatch(/^error USAGE: Refusing to serve on .* without a password/m)
      expect(run.stderr).toContain('fichier serve --set-password')
      expect(run.stdout).not.toContain('serving on')
    }
  }, 60_000)

  it('exits 2 for a bad listen address or a certificate without its key', async () => {
    const bad = await runCli(['serve', '--listen', 'host:99999', '--state-dir', stateDir])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--listen takes HOST:PORT')
    const half = await runCli(['serve', '--tls-cert', 'cert.pem', '--state-dir', stateDir])
    expect(half.code).toBe(2)
    expect(half.stderr).toContain('--tls-cert and --tls-key go together')
    const host = await runCli(['serve', '--public-host', 'bad host/', '--state-dir', stateDir])
    expect(host.code).toBe(2)
    expect(host.stderr).toContain('--public-host takes a host name')
  }, 60_000)

  it('sets the password from standard input or a file, hashed in the state folder, mode 600', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fd-serve-password-'))
    try {
      const set = await runCli(['serve', '--set-password', '--state-dir', dir], {
        stdin: 'correct horse battery\n',
      })
      expect(set.code, set.stderr).toBe(0)
      expect(set.stdout).toContain('password set')
      const file = join(dir, 'server-password.json')
      expect((await stat(file)).mode & 0o777).toBe(0o600)
      expect(await readFile(file, 'utf8')).not.toContain('correct horse battery')
      expect(await hasPassword(dir)).toBe(true)

      const short = await runCli(['serve', '--set-password', '--state-dir', dir], { stdin: 'short\n' })
      // A password that cannot be taken is wrong input, as a usage error is.
      expect(short.code).toBe(2)
      expect(short.stderr).toMatch(/PASSWORD_TOO_SHORT/)
      const alone = await runCli(['serve', '--password-file', file, '--state-dir', dir])
      expect(alone.code).toBe(2)
      expect(alone.stderr).toContain('--password-file goes with --set-password')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
