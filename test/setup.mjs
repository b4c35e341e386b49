#!/usr/bin/env node
// `npm run setup`: everything `npm test` needs on a fresh machine, and nothing else.
// 1. the npm dependencies (`npm ci`);
// 2. a Chromium for the browser tests, openssl for the TLS tests, and curl + aria2 as the benchmark's references,
//    through the system package manager when they are missing (Debian: apt-get; Ubuntu's apt Chromium is a snap
//    stub that does not run headless in containers, so there Playwright's own Chromium is installed instead);
//    on Debian also Chromium's headless shell (the same engine without a browser's interface around it, which
//    Playwright itself runs headless tests in): the browser tests take half the CPU in it.
// Each step says what it runs; nothing is installed that is already there. Plain Node, no dependencies: it runs
// before `npm ci`.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const isWindows = process.platform === 'win32'

function say(text) {
  console.log(`setup: ${text}`)
}

function run(command, args, options = {}) {
  say(`running ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', shell: isWindows, ...options })
  if (result.error) throw new Error(`could not start ${command}: ${result.error.message}`)
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
}

function has(command) {
  const probe = isWindows ? spawnSync('where', [command]) : spawnSync('sh', ['-c', `command -v ${command}`])
  return probe.status === 0
}

function osRelease() {
  try {
    const fields = Object.fromEntries(
      readFileSync('/etc/os-release', 'utf8')
        .split('\n')
        .map((line) => line.match(/^(\w+)=(.*)$/))
        .filter(Boolean)
        .map(([, key, value]) => [key, value.replace(/^"|"$/g, '')]),
    )
    return { id: fields.ID ?? '', like: fields.ID_LIKE ?? '' }
  } catch {
    return { id: '', like: '' }
  }
}

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell'

/** The same places the browser tests look: CHROMIUM_PATH, Debian's headless shell or Chromium, then Playwright's own. */
async function chromiumPresent() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return existsSync(fromEnv)
  if (existsSync(HEADLESS_SHELL) || existsSync('/usr/bin/chromium')) return true
  try {
    const { chromium } = await import('@playwright/test')
    const bundled = chromium.executablePath()
    return Boolean(bundled) && existsSync(bundled)
  } catch {
    return false
  }
}

let aptUpdated = false

/** apt-get as root, or through sudo when sudo can run without a password prompt in the way. */
function aptInstall(packages) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if (!root && !has('sudo')) {
    throw new Error(
      `installing ${packages.join(' ')} needs root; run: sudo apt-get install -y ${packages.join(' ')}`,
    )
  }
  const prefix = root ? [] : ['sudo']
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const [command, ...rest] = [...prefix, 'apt-get']
  if (!aptUpdated) run(command, [...rest, 'update', '-qq'], { env })
  aptUpdated = true
  run(command, [...rest, 'install', '-y', '-qq', ...packages], { env })
}

async function main() {
  say(`node ${process.version}, ${process.platform}/${process.arch}`)
  run('npm', ['ci', '--no-audit', '--no-fund'])

  const os = osRelease()
  const debianFamily = os.id === 'debian' || os.id === 'ubuntu' || /debian|ubuntu/.test(os.like)
  const ubuntu = os.id === 'ubuntu' || /ubuntu/.test(os.like)
  const wanted = []
  const browser = await chromiumPresent()
  if (!browser && !ubuntu) wanted.push('chromium')
  if (!has('openssl')) wanted.push('openssl')
  if (!has('curl')) wanted.push('curl')
  if (!has('aria2c')) wanted.push('aria2')

  if (wanted.length > 0 && debianFamily && has('apt-get')) {
    aptInstall(wanted)
  }
  if (
    debianFamily &&
    !ubuntu &&
    !process.env.CHROMIUM_PATH &&
    !existsSync(HEADLESS_SHELL) &&
    has('apt-get')
  ) {
    // Not required (the tests run in the full Chromium too), so a Debian release without it is no failure.
    try {
      aptInstall(['chromium-headless-shell'])
    } catch (error) {
      say(`no chromium-headless-shell (${error.message}); the browser tests will use the full Chromium`)
    }
  }
  if (wanted.length > 0 && !(debianFamily && has('apt-get'))) {
    say(`please install with your package manager: ${wanted.join(', ')} (the browser tests need a Chromium,`)
    say('the TLS tests openssl, the benchmark curl and aria2)')
  }

  if (!(await chromiumPresent())) {
    // Ubuntu, macOS, Windows, or a Debian machine where the package was not available: Playwright's Chromium.
    run('npx', ['playwright', 'install', ...(ubuntu ? ['--with-deps'] : []), 'chromium'])
  }
  say('done; now run `npm test`')
}

main().catch((error) => {
  console.error(`setup: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
