#!/usr/bin/env node
// `npm test`: the production build and the npm package, then the unit and integration tests side by side
// with the end-to-end tests. Says which step failed; a failed build or package stops the run.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const bin = (name) => join('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

const build = { title: 'build (electron-vite)', command: bin('electron-vite'), args: ['build'] }
const pack = {
  // Before the tests: `npm pack` builds `out/` again, which the tests read.
  title: 'npm package (npm pack, npm install -g into an empty prefix, the installed fichier)',
  command: bin('vitest'),
  args: ['run', '--config', 'test/packaging/vitest.config.ts'],
}
const unit = { title: 'unit and integration tests (vitest)', command: bin('vitest'), args: ['run'] }
const e2e = {
  title: 'end-to-end tests (playwright)',
  command: bin('playwright'),
  args: ['test', ...process.argv.slice(2)],
}

for (const step of [build, pack, unit, e2e]) {
  if (!existsSync(step.command)) {
    console.error(`npm test: ${step.command} is missing; run \`npm ci\` first.`)
    process.exit(1)
  }
}

/**
 * Runs a step. `output` says where its output goes: straight through, or held (the end-to-end tests
 * run while the unit tests print, and their lines follow once those are done).
 */
function run(step, output = { held: false }) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: ['inherit', output.held ? 'pipe' : 'inherit', output.held ? 'pipe' : 'inherit'],
      shell: process.platform === 'win32',
      env: output.held && process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    })
    if (output.held) {
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (chunk) => (output.held ? output.chunks.push(chunk) : process.stdout.write(chunk)))
      }
    }
    child.once('error', (error) => resolve({ step, failure: `could not start: ${error.message}` }))
    child.once('close', (code, signal) =>
      resolve({ step, failure: code === 0 ? null : `exit ${code ?? signal}` }),
    )
  })
}

function stopOn(result) {
  if (!result.failure) return
  console.error(`\nnpm test: ${result.step.title} failed (${result.failure}).`)
  process.exit(1)
}

console.log(`\nnpm test: ${build.title}`)
stopOn(await run(build))
console.log(`\nnpm test: ${pack.title}`)
stopOn(await run(pack))

// Both mostly wait (on the emulator, child processes, the browser): side by side they take little more
// than the longer of the two.
console.log(`\nnpm test: ${unit.title}, with ${e2e.title} alongside (their report follows)`)
const held = { held: true, chunks: [] }
const e2eDone = run(e2e, held)
const unitResult = await run(unit)
console.log(`\nnpm test: ${e2e.title}`)
for (const chunk of held.chunks) process.stdout.write(chunk)
held.held = false
const e2eResult = await e2eDone

const failed = [unitResult, e2eResult].filter((result) => result.failure)
for (const result of failed) console.error(`\nnpm test: ${result.step.title} failed (${result.failure}).`)
if (failed.length > 0) process.exit(1)
console.log('\nnpm test: all steps passed')
