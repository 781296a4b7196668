// `npm start`: build, then open the desktop app if Electron can run here;
// otherwise serve the same app through the web host (it prints its URL).
// Extra arguments go to whichever starts: `npm start -- --port 0`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findRunnableElectron } from './electron-runnable.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

// electron-vite's own bin through this Node: no npx start-up, no shell quoting on Windows.
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const build = existsSync(electronVite)
  ? spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' })
  : spawnSync('npx', ['electron-vite', 'build'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32'
    })
if (build.status !== 0) process.exit(build.status ?? 1)

const electron = findRunnableElectron({ root, env: process.env, platform: process.platform })
let child
if (electron.ok) {
  const env = { ...process.env }
  // Set by some editors' terminals; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE
  child = spawn(electron.binary, ['.', ...args], { cwd: root, stdio: 'inherit', env })
} else {
  console.log(`Electron cannot run here (${electron.reason}); serving the web host instead.`)
  child = spawn(process.execPath, [join(root, 'out', 'main', 'web-host.js'), ...args], {
    cwd: root,
    stdio: 'inherit'
  })
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
}
child.on('error', (err) => {
  console.error(`Could not start: ${err.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1))
})
