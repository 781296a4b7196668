import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { newToken } from './launch-guard'

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/

/**
 * The web host's access token, kept in the data directory in a file only the user
 * who started it can read (mode 600): a host started again on the same data keeps
 * it, so the page open in the browser stays admitted, while another user of the PC
 * can neither read it nor open the page. Delete the file to make a new one.
 */
export async function hostToken(dataDir: string): Promise<string> {
  const file = join(dataDir, 'web-access-token')
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim()
  if (TOKEN_SHAPE.test(kept)) {
    await chmod(file, 0o600)
    return kept
  }
  const token = newToken()
  await mkdir(dataDir, { recursive: true })
  await writeFile(file, `${token}\n`, { mode: 0o600 })
  await chmod(file, 0o600)
  return token
}
