import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNodePlatform } from '../../src/main/platform/node-platform'
import type { GatewayOptions } from '../../src/main/gateway/gateway'
import { createMainServices, type MainServices, type MainServicesOptions } from '../../src/main/services'

export interface TestServices {
  services: MainServices
  dataDir: string
  keyDir: string
  logs: string[]
  cleanup(): Promise<void>
}

/** Real main-side services on a fresh temp data dir (and a separate key dir). */
export async function createTestServices(
  gateway?: GatewayOptions,
  extra: Pick<MainServicesOptions, 'pcName' | 'site'> = {}
): Promise<TestServices> {
  const root = await mkdtemp(join(tmpdir(), 'stockroom-test-'))
  const dataDir = join(root, 'data')
  const keyDir = join(root, 'keys')
  const logs: string[] = []
  const log = (line: string) => logs.push(line)
  const platform = createNodePlatform({ dataDir, keyDir, log })
  const services = await createMainServices({
    dataDir,
    platform,
    version: '0.0.0-test',
    log,
    ...(gateway && { gateway }),
    ...extra
  })
  return {
    services,
    dataDir,
    keyDir,
    logs,
    async cleanup() {
      await services.dispose()
      // A write still landing as main stops (a journal line, the site's state) is waited out, not a failure.
      await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
    }
  }
}

/**
 * A clock whose sleeps pass at once (time jumps forward instead): pacing and
 * Retry-After are still obeyed in order, without the test waiting them out.
 */
export function instantClock() {
  let skew = 0
  return {
    now: () => Date.now() + skew,
    sleep: async (ms: number) => {
      skew += ms
    }
  }
}
