// A worker thread's entry that runs a TypeScript module: registers tsx, then imports the module
// whose URL is the last argument (`new Worker(loader, { argv: [url] })`). Used by tests and the
// benchmark, which run from the sources; the built app starts the compiled entry directly.
import { register } from 'tsx/esm/api'

register()
await import(process.argv.at(-1))
