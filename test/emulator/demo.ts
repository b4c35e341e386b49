import { spawn } from 'node:child_process'
import { startEmulator, DEMO_KEY } from './index'

/**
 * `npm run demo`: a seeded emulator and the app pointed at it, so a newcomer sees a working app in
 * one command. Enter the printed demo key in the Account view.
 */
async function main(): Promise<void> {
  const emulator = await startEmulator({ seed: 'demo', port: Number(process.env['DEMO_PORT'] ?? 0) })
  console.log(`emulator listening on ${emulator.apiUrl}`)
  console.log(`demo API key: ${DEMO_KEY}`)
  const app = spawn(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'dev'], {
    stdio: 'inherit',
    env: { ...process.env, FICHIER_API_URL: emulator.apiUrl },
  })
  const stop = () => {
    app.kill('SIGTERM')
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  app.on('exit', (code) => {
    void emulator.stop().then(() => process.exit(code ?? 0))
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
