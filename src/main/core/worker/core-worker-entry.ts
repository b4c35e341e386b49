/** The worker thread's entry: serves the core over the port it was given (see start-core-worker.ts). */
import { workerData } from 'node:worker_threads'
import { serveCore } from './serve-core'
import type { CoreWorkerData } from './worker-messages'

void serveCore(workerData as CoreWorkerData)
