import { join } from 'node:path'
import { z } from 'zod'
import { JsonFile } from '../settings/json-file'

/** The port the web host used when none is asked for and none is stored. */
export const DEFAULT_PORT = 5180

const stored = z.object({ port: z.number().int().min(1).max(65535) })

/**
 * The web host's port, kept in the data directory. The page's IndexedDB (its
 * replica, counts and queued writes) belongs to the origin, and the origin
 * includes the port: a host that came back on another port would show an
 * empty outbox. So a port once used is used again, whatever `--port 0` says.
 */
export function hostPortFile(dataDir: string) {
  const file = new JsonFile(join(dataDir, 'web-host.json'), stored.nullable(), () => null)
  return {
    /**
     * The port to listen on: an explicit non-zero `--port` wins (`moved` says it
     * leaves the stored one); otherwise the stored port, else the default.
     */
    async choose(requested: number | undefined): Promise<{ port: number; moved?: number }> {
      const last = (await file.read())?.port
      if (requested !== undefined && requested !== 0)
        return last !== undefined && last !== requested
          ? { port: requested, moved: last }
          : { port: requested }
      return { port: last ?? (requested === 0 ? 0 : DEFAULT_PORT) }
    },
    /** Called once listening: this is the origin the page's data now lives under. */
    async remember(port: number): Promise<void> {
      if ((await file.read())?.port !== port) await file.update(() => ({ port }))
    }
  }
}
