// A process running the real core on a fixed data folder, to be killed and restarted by a test.
// argv: <apiUrl> <key> <dataDir> [links to add… | upload:<local path>…]; prints "done <json>" when
// every item is finished.
import { createCore } from '../../../src/main/core/create-core'
import { MemorySecrets } from '../../../src/main/core/account/memory-secrets'
import { createConfSettingsPort } from '../../../src/main/core/settings/conf-settings-port'
import { join } from 'node:path'

const [apiUrl, key, dataDir, ...links] = process.argv.slice(2)
if (!apiUrl || !key || !dataDir) throw new Error('usage: engine-child <apiUrl> <key> <dataDir> [links…]')

const core = await createCore({
  dataDir,
  defaultDownloadsDir: join(dataDir, 'downloads'),
  secrets: new MemorySecrets(true),
  settingsPort: createConfSettingsPort(join(dataDir, 'settings')),
  app: { version: 'test', platform: process.platform },
  env: { FICHIER_API_URL: apiUrl, FICHIER_DESK_KEYS_DIR: join(dataDir, 'keys') },
  log: (message) => console.error(message),
  client: { callsPerSecond: 20 },
  engine: { progressIntervalMs: 100 },
})
await core.account.setKey(key, 'session')
const uploads = links.filter((link) => link.startsWith('upload:')).map((link) => link.slice(7))
const downloads = links.filter((link) => !link.startsWith('upload:'))
if (downloads.length > 0) await core.engine.add({ kind: 'download', text: downloads.join('\n'), start: true })
if (uploads.length > 0) await core.engine.add({ kind: 'upload', paths: uploads, folderId: 0, start: true })
console.log('started')

const finished = () =>
  core.engine.list().items.every((item) => ['completed', 'failed', 'canceled'].includes(item.status))
const timer = setInterval(() => {
  if (!finished()) return
  clearInterval(timer)
  const items = core.engine
    .list()
    .items.map(({ name, status, error, link, note }) => ({ name, status, error, link, note }))
  void core.close().then(() => {
    console.log(`done ${JSON.stringify(items)}`)
    process.exit(0)
  })
}, 50)
