import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startEmulator, type EmulatorKey, type EmulatorOptions, type Tier } from './index'

const USAGE =
  'usage: npm run emulator -- --port N [--host ADDR] [--key K[:tier]]... [--data DIR] [--seed demo] ' +
  '[--tls-cert F --tls-key F] [--public-host NAME]... [--public-port N] [--no-rate-limits]'

function parseKey(text: string): EmulatorKey {
  const [key = '', tier] = text.split(':')
  if (!key) throw new Error(`bad --key ${text}`)
  if (tier !== undefined && tier !== 'premium' && tier !== 'access' && tier !== 'free')
    throw new Error(`bad tier in --key ${text}`)
  return tier === undefined ? { key } : { key, tier: tier as Tier }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string' },
      key: { type: 'string', multiple: true },
      data: { type: 'string' },
      seed: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'public-host': { type: 'string', multiple: true },
      'public-port': { type: 'string' },
      'no-rate-limits': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (values.seed !== undefined && values.seed !== 'demo') throw new Error('--seed accepts only "demo"')
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined))
    throw new Error('--tls-cert and --tls-key go together')
  const options: EmulatorOptions = {
    port: Number(values.port),
    rateLimits: !values['no-rate-limits'],
  }
  if (values.host) options.host = values.host
  if (values.key) options.keys = values.key.map(parseKey)
  if (values.data) options.dataDir = values.data
  if (values.seed === 'demo') options.seed = 'demo'
  if (values['tls-cert'] && values['tls-key']) {
    options.tls = { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']) }
  }
  if (values['public-host']) options.publicHosts = values['public-host']
  if (values['public-port']) options.publicPort = Number(values['public-port'])

  const emulator = await startEmulator(options)
  console.log(`emulator listening on ${emulator.apiUrl}`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void emulator.stop().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  console.error(USAGE)
  process.exit(2)
})
