#!/usr/bin/env node
// `npm test`: the production build, unit and integration tests, the npm package, then the end-to-end tests.
// Each step stops the run when it fails and says which one did.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const bin = (name) => join('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

const steps = [
  // The build first: tests of `fichier serve` run the real server, which serves the built interface.
  { title: 'build (electron-vite)', command: bin('electron-vite'), args: ['build'] },
  { title: 'unit and integration tests (vitest)', command: bin('vitest'), args: ['run'] },
  {
    title: 'npm package (npm pack, npm install -g into an empty prefix, the installed fichier)',
    command: bin('vitest'),
    args: ['run', '--config', 'test/packaging/vitest.config.ts'],
  },
  {
    title: 'end-to-end tests (playwright)',
    command: bin('playwright'),
    args: ['test', ...process.argv.slice(2)],
  },
]

for (const step of steps) {
  if (!existsSync(step.command)) {
    console.error(`npm test: ${step.command} is missing; run \`npm ci\` first.`)
    process.exit(1)
  }
  console.log(`\nnpm test: ${step.title}`)
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.error) {
    console.error(`npm test: could not start ${step.title}: ${result.error.message}`)
    process.exit(1)
  }
  if (result.status !== 0) {
    console.error(`\nnpm test: ${step.title} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status ?? 1)
  }
}
console.log('\nnpm test: all steps passed')
