import { mkdir, readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { AppError } from '../../core/lib/app-error'
import type { Command } from '../command'
import { ExitCode } from '../exit-code'
import { parseSize } from '../parse-size'
import { UsageError } from '../usage-error'
import {
  DEFAULT_LISTEN,
  formatHostPort,
  isLoopbackHost,
  parseListenAddress,
} from '../../server/listen-address'

const DEFAULT = formatHostPort(DEFAULT_LISTEN.host, DEFAULT_LISTEN.port)

async function readPem(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (error) {
    throw new AppError('TLS_FILE_UNREADABLE', `Cannot read the TLS ${what} ${path}.`, { cause: error })
  }
}

async function checkFolder(path: string, option: string): Promise<void> {
  const info = await stat(path).catch(() => null)
  if (!info?.isDirectory()) throw new UsageError(`--${option} ${path} is not a folder.`)
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the whole interface to a browser (NAS, seedbox)',
  usage:
    'fichier serve [--listen HOST:PORT] [--download-dir DIR] [--root DIR]… [--upload-limit SIZE] [--tls-cert F --tls-key F]',
  description: [
    `Runs the transfer engine on this machine and serves the app's interface to a browser, at http://${DEFAULT} by default. It prints "serving on URL" once it answers, and keeps running until Ctrl-C or SIGTERM (unfinished transfers stay in the queue).`,
    'The API key comes from --key-file or FICHIER_API_KEY, or is set in the Account view and then kept in the state folder, in a file only this user can read. It never reaches the browser.',
    'Security: without a password the server only listens on loopback (127.0.0.1, ::1, localhost); any other address is refused until a password is set with --set-password (then the browser asks for it). Pages must come from this server (Origin and Host are checked), and names other than IP addresses and localhost must be given with --public-host.',
  ].join('\n\n'),
  options: {
    listen: { type: 'string' },
    'download-dir': { type: 'string' },
    root: { type: 'string', multiple: true },
    'upload-limit': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'public-host': { type: 'string', multiple: true },
    'set-password': { type: 'boolean' },
    'password-file': { type: 'string' },
  },
  optionHelp: [
    ['--listen HOST:PORT', `address to serve on (default ${DEFAULT}; [::1]:PORT for IPv6)`],
    [
      '--download-dir DIR',
      'where downloads go when the settings name no folder (default: the current folder)',
    ],
    ['--root DIR', 'a server folder the browser may pick files from (repeat for several)'],
    [
      '--upload-limit SIZE',
      'largest file a browser may send to the server to upload, e.g. 20G (default 50G); kept in the state folder until uploaded',
    ],
    ['--tls-cert FILE', 'PEM certificate: serve https (and wss) instead of http; needs --tls-key'],
    ['--tls-key FILE', 'PEM private key of --tls-cert'],
    ['--public-host NAME', 'a host name the server is reached under, e.g. nas.local (repeat for several)'],
    [
      '--set-password',
      'set the password of the served interface (asked twice, or read from stdin), then exit',
    ],
    ['--password-file FILE', 'with --set-password: read it from FILE (mode 600) instead'],
  ],
  minOperands: 0,
  maxOperands: 0,
  async run({ args, io, output, signal, stateDir }) {
    const passwordFile = args.string('password-file')
    if (args.flag('set-password')) {
      const { readNewPassword, setServerPassword } = await import('../../server/auth/index')
      const password = await readNewPassword({
        ...(passwordFile ? { passwordFile: resolve(io.cwd, passwordFile) } : {}),
        stdin: io.stdin,
        isTTY: (io.stdin as { isTTY?: boolean }).isTTY === true,
      })
      await mkdir(stateDir, { recursive: true, mode: 0o700 })
      await setServerPassword(stateDir, password)
      output.line(`password set in ${stateDir}; it applies from the next start of fichier serve`)
      return ExitCode.ok
    }
    if (passwordFile !== undefined) {
      throw new UsageError(
        '--password-file goes with --set-password: fichier serve --set-password --password-file FILE',
      )
    }
    const listenText = args.string('listen') ?? DEFAULT
    const listen = parseListenAddress(listenText)
    if (!listen) {
      throw new UsageError(
        `--listen takes HOST:PORT, e.g. ${DEFAULT} or [::1]:8383 (got ${JSON.stringify(listenText)}).`,
      )
    }
    const certPath = args.string('tls-cert')
    const keyPath = args.string('tls-key')
    if ((certPath === undefined) !== (keyPath === undefined)) {
      throw new UsageError('--tls-cert and --tls-key go together: give both, or neither for plain http.')
    }
    const publicHosts = args.strings('public-host').map((name) => name.trim().toLowerCase())
    const badHost = publicHosts.find((name) => !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(name))
    if (badHost !== undefined) throw new UsageError(`--public-host takes a host name (got "${badHost}").`)
    const roots = args.strings('root').map((root) => resolve(io.cwd, root))
    for (const root of roots) await checkFolder(root, 'root')
    const uploadLimitText = args.string('upload-limit')
    const uploadLimit =
      uploadLimitText === undefined ? undefined : parseSize('--upload-limit', uploadLimitText)
    const downloadDirOption = args.string('download-dir')
    const downloadDir = downloadDirOption ? resolve(io.cwd, downloadDirOption) : io.cwd
    if (downloadDirOption) await checkFolder(downloadDir, 'download-dir')

    const { hasPassword, createServerAuth } = await import('../../server/auth/index')
    if (!isLoopbackHost(listen.host) && !(await hasPassword(stateDir))) {
      throw new UsageError(
        `Refusing to serve on ${formatHostPort(listen.host, listen.port)} without a password: anyone who reaches it could use your 1fichier account. Set one first with fichier serve --set-password (or --password-file FILE), or listen on 127.0.0.1.`,
      )
    }
    const { findRendererDir } = await import('../../server/renderer-dir')
    const rendererDir = findRendererDir()
    const tls =
      certPath && keyPath
        ? {
            cert: await readPem(resolve(io.cwd, certPath), 'certificate'),
            key: await readPem(resolve(io.cwd, keyPath), 'key'),
          }
        : undefined

    const log = (message: string) => io.stderr.write(`${message}\n`)
    const keyFileOption = args.string('key-file')
    const keyFile = keyFileOption ? resolve(io.cwd, keyFileOption) : undefined
    const { ServerSecrets } = await import('../../server/server-secrets')
    const { openServedFiles } = await import('../../server/staging/served-files')
    const files = await openServedFiles({
      stateDir,
      roots,
      ...(uploadLimit === undefined ? {} : { maxBytes: uploadLimit }),
      log,
    })
    const { openCliCore } = await import('../open-cli-core')
    const cli = await openCliCore({
      stateDir,
      keyFile,
      secrets: new ServerSecrets({ stateDir, env: io.env, keyFile }),
      env: io.env,
      defaultDownloadsDir: downloadDir,
      waitOnLock: false,
      verbose: args.flag('verbose'),
      signal,
      log: (message) => {
        if (args.flag('verbose')) log(message)
      },
      onWait: (pid) =>
        output.note(`waiting for another fichier command (pid ${pid}) that uses the same state folder…`),
      onLockWait: () => undefined,
      onSlowCall: () => undefined,
      served: files.core,
    })
    const stopFollowing = await files.follow(cli.core.service)
    try {
      const auth = await createServerAuth({ stateDir, secureCookies: tls !== undefined, log })
      const { startFichierServer } = await import('../../server/fichier-server')
      const server = await startFichierServer({
        listen,
        ...(tls ? { tls } : {}),
        publicHosts,
        rendererDir,
        endpoint: cli.core.service,
        auth,
        routes: [(req, res) => files.staging.handle(req, res)],
        log,
      }).catch((error: unknown) => {
        const code = (error as { code?: unknown }).code
        throw new AppError(
          'LISTEN_FAILED',
          code === 'EADDRINUSE'
            ? `Another program already listens on ${formatHostPort(listen.host, listen.port)}: stop it, or pick another port with --listen.`
            : `Cannot listen on ${formatHostPort(listen.host, listen.port)}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        )
      })
      io.stdout.write(`serving on ${server.url}\n`)
      if (!signal.aborted) await new Promise((done) => signal.addEventListener('abort', done, { once: true }))
      await server.close()
      return ExitCode.ok
    } finally {
      stopFollowing()
      await cli.close()
    }
  },
}
