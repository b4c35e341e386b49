// A process that changes one key budget file `count` times: argv <dir> <count>.
import { FileBudgetStore } from '../../../src/main/core/fichier/file-budget-store'

const [dir, count] = process.argv.slice(2)
if (!dir || !count) throw new Error('usage: budget-child <dir> <count>')
const store = new FileBudgetStore(dir)
for (let i = 0; i < Number(count); i++) {
  await store.update((state) => {
    state.strikes += 1
    state.listings[`folder/ls:${process.pid}`] = Date.now()
  })
}
