// Decides whether `npm start` can open the Electron app, without loading the
// electron package's index.js: from Electron 42 on, that downloads the binary
// when it is missing, which fails (slowly) on machines without GitHub access.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * @param {{ root: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, fileExists?: (p: string) => boolean, readText?: (p: string) => string }} o
 * @returns {{ ok: true, binary: string } | { ok: false, reason: string }}
 */
export function findRunnableElectron({
  root,
  env,
  platform,
  fileExists = existsSync,
  readText = (p) => readFileSync(p, 'utf8')
}) {
  let electronDir
  try {
    electronDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return { ok: false, reason: 'the electron package is not installed' }
  }
  const pathFile = join(electronDir, 'path.txt')
  const executable = fileExists(pathFile) ? readText(pathFile).trim() : ''
  // The same override the electron package honours.
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, executable || 'electron')
    : executable
      ? join(electronDir, 'dist', executable)
      : null
  if (!binary || !fileExists(binary)) return { ok: false, reason: 'no Electron binary' }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'no display' }
  return { ok: true, binary }
}
