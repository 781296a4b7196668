import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PORT, hostPortFile } from './host-port'

describe('the web host keeps its port (and so its origin) in the data directory', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'host-port-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('a first start takes what was asked (or the default) and a restart gets the same port back', async () => {
    expect(await hostPortFile(dir).choose(undefined)).toEqual({ port: DEFAULT_PORT })
    expect(await hostPortFile(dir).choose(0)).toEqual({ port: 0 })
    await hostPortFile(dir).remember(40123)
    // A new process reads the file again: --port 0 and no --port both come back to 40123.
    expect(await hostPortFile(dir).choose(0)).toEqual({ port: 40123 })
    expect(await hostPortFile(dir).choose(undefined)).toEqual({ port: 40123 })
  })

  it('an explicit other port is used and says it leaves the stored one', async () => {
    await hostPortFile(dir).remember(40123)
    expect(await hostPortFile(dir).choose(40200)).toEqual({ port: 40200, moved: 40123 })
    expect(await hostPortFile(dir).choose(40123)).toEqual({ port: 40123 })
  })
})
