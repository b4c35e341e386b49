import type { SecretsPort } from '../account/secrets-port'
import type { DialogsPort, RiskyFile } from '../dialogs-port'
import type { FileOpenerPort } from '../file-opener-port'
import { AppError } from '../lib/app-error'
import type { HostToWorker, PortCall } from './worker-messages'

export interface HostPorts {
  secrets: SecretsPort
  dialogs?: DialogsPort
  fileOpener?: FileOpenerPort
}

async function run(call: PortCall, ports: HostPorts): Promise<unknown> {
  switch (call.port) {
    case 'secrets':
      if (call.method === 'load') return ports.secrets.load()
      if (call.method === 'save') return ports.secrets.save(call.args[0], call.args[1])
      return ports.secrets.clear()
    case 'dialogs':
      if (!ports.dialogs) throw new AppError('UNSUPPORTED', 'No dialogs here.')
      if (call.method === 'pickFolder') return ports.dialogs.pickFolder(...call.args)
      return ports.dialogs.confirmOpen(call.args[0] as RiskyFile)
    case 'fileOpener':
      if (!ports.fileOpener)
        throw new AppError('UNSUPPORTED', 'Opening files is only possible in the desktop app.')
      return call.method === 'open'
        ? ports.fileOpener.open(call.args[0])
        : ports.fileOpener.reveal(call.args[0])
  }
}

/**
 * Runs one call of the worker's core on the host's port and turns the outcome into the answer
 * message. Secrets answers also say what the store holds now, which the worker's `storage()` reports.
 */
export async function answerPortCall(
  message: { id: number } & PortCall,
  ports: HostPorts,
): Promise<HostToWorker> {
  const { id } = message
  const call = { port: message.port, method: message.method, args: message.args } as PortCall
  try {
    const value = await run(call, ports)
    return {
      type: 'port-answer',
      id,
      ok: true,
      value: value ?? null,
      ...(call.port === 'secrets' ? { storage: ports.secrets.storage() } : {}),
    }
  } catch (error) {
    return {
      type: 'port-answer',
      id,
      ok: false,
      error:
        error instanceof AppError
          ? { code: error.code, message: error.message }
          : { message: error instanceof Error ? error.message : String(error) },
    }
  }
}
