// Another process using the same key: argv <apiUrl> <key> <budgetDir> <callsPerSecond> <fileUrl> <count>.
// Sends `count` calls at once through its own client and prints `done <failures>`.
import { FichierClient } from '../../../src/main/core/fichier/fichier-client'

const [apiUrl, key, budgetDir, rate, fileUrl, count] = process.argv.slice(2)
if (!apiUrl || !key || !budgetDir || !rate || !fileUrl || !count) throw new Error('usage: calls-child …')
const client = new FichierClient({
  baseUrl: apiUrl,
  getKey: () => key,
  budgetDir,
  callsPerSecond: Number(rate),
  listingIntervalMs: 0,
})
const results = await Promise.allSettled(
  Array.from({ length: Number(count) }, (_, i) =>
    i % 2 === 0 ? client.fileInfo(fileUrl) : client.downloadToken(fileUrl),
  ),
)
const failures = results.filter((result) => result.status === 'rejected')
for (const failure of failures) console.error(String((failure as PromiseRejectedResult).reason))
console.log(`done ${failures.length}`)
client.close()
