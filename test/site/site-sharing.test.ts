import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { linkCode, lookupCode } from '../../src/renderer/src/count/barcode-links'
import { countScan } from '../../src/renderer/src/count/count-scan'
import { addToCount } from '../../src/renderer/src/count/lines'
import { startCount } from '../../src/renderer/src/count/sessions'
import { siteParts } from '../../src/renderer/src/site/parts'
import { codeKeys } from '../../src/shared/scan'
import { siteServerReachable } from '../helpers/site-db'
import { useTwoSitePcs, type SitePc } from '../helpers/site-pcs'

const server = await siteServerReachable()

/**
 * Files under `dir` whose text holds `secret`. A file written meanwhile (a temporary file renamed
 * over its target) can vanish between the listing and its reading: the directory is read again.
 */
async function filesHolding(dir: string, secret: string): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    const names = await readdir(dir, { recursive: true, withFileTypes: true })
    const out: string[] = []
    try {
      for (const f of names.filter((n) => n.isFile()))
        if ((await readFile(join(f.parentPath, f.name), 'utf8')).includes(secret)) out.push(f.name)
      return out
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw error
    }
  }
}

/**
 * Two PCs share one site database on a real PostgreSQL: links and count scans
 * are written through from main, read back by the other PC within a second,
 * and survive the database going away in the middle of a count.
 */
describe.skipIf(!server.ok)('the site database, shared by two PCs', () => {
  // The same vendor address written another way is the same system.
  const two = useTwoSitePcs({ seed: 51, size: 120, pc2Url: (url) => `${url}/` })

  const place = () => {
    const d = two.fake.server.data
    const wh = d.warehouses[0]!.id
    const plain = d.products.all().filter((p) => p.isActive && !p.trackBatches && !p.trackSerials)
    return { wh, plain }
  }
  const item = (pc: SitePc, id: string) => `${pc.cid}:item:${id}`
  const location = (pc: SitePc, wh: string) => `${pc.cid}:location:wh/${wh}`

  it('a link made on PC 1 counts its item on PC 2 within a second', async () => {
    const { wh, plain } = place()
    const target = plain[0]!
    const code = 'SHELF-LABEL-0042'
    const count2 = await startCount(two.pc2.db, {
      connectionId: two.pc2.cid,
      locationKey: location(two.pc2, wh),
      blind: false
    })
    // Before the link, PC 2 does not know the code.
    expect((await lookupCode(two.pc2.db, codeKeys(code))).items).toHaveLength(0)

    const made = Date.now()
    await linkCode(two.pc1.db, {
      connectionId: two.pc1.cid,
      code,
      itemKey: item(two.pc1, target.id),
      linkedOn: 'PC-1'
    })
    let seenAfter = 0
    await expect
      .poll(
        async () => {
          const found = (await lookupCode(two.pc2.db, codeKeys(code))).items.map((i) => i.key)
          if (found.length > 0 && seenAfter === 0) seenAfter = Date.now() - made
          return found
        },
        { interval: 10, timeout: 5_000 }
      )
      .toEqual([item(two.pc2, target.id)])
    console.log(
      `site database: a link made on PC 1 reached PC 2's replica in ${seenAfter} ms (LISTEN/NOTIFY)`
    )
    expect(seenAfter).toBeLessThan(1_000)

    // PC 2 scans the code: its item is counted.
    const scanned = await countScan(two.pc2.db, count2.id, code)
    expect(scanned.status).toBe('counted')
    const lines = await two.pc2.db.countLines.where('countId').equals(count2.id).toArray()
    expect(lines.map((l) => [l.itemKey, l.counted])).toEqual([[item(two.pc2, target.id), 1]])
    // PC 2 did not share PC 1's link back: one link change in the site's log.
    expect(await two.site.query("SELECT kind FROM site_changes WHERE kind = 'link'")).toHaveLength(1)
  })

  it('with the database away mid-count, scans and links wait and catch up once: 0 duplicates, 0 lost', async () => {
    const { wh, plain } = place()
    const [a, b, c, d] = plain
    const count1 = await startCount(two.pc1.db, {
      connectionId: two.pc1.cid,
      locationKey: location(two.pc1, wh),
      blind: false
    })
    const count2 = await startCount(two.pc2.db, {
      connectionId: two.pc2.cid,
      locationKey: location(two.pc2, wh),
      blind: false
    })
    // One scan at a time, each its own commit, as a scanner gives them.
    const scan = async (n: number, id: string) => {
      for (let i = 0; i < n; i++)
        await addToCount(two.pc1.db, count1.id, { itemKey: item(two.pc1, id), quantity: 1 })
    }
    await scan(3, a!.id)
    await expect.poll(async () => two.site.query('SELECT part_id FROM site_count_parts')).toHaveLength(3)

    // The site database goes away (connections cut, new ones refused) in the middle of the count.
    await two.site.cutOff()
    await expect.poll(() => two.pc1.status()?.state).toBe('unreachable')
    await scan(4, b!.id)
    await scan(2, a!.id)
    await linkCode(two.pc1.db, { connectionId: two.pc1.cid, code: 'AWAY-1', itemKey: item(two.pc1, c!.id) })
    await linkCode(two.pc2.db, { connectionId: two.pc2.cid, code: 'AWAY-2', itemKey: item(two.pc2, d!.id) })
    // Both keep working from their replicas; each says how many shared changes wait.
    await expect.poll(() => two.pc1.status()).toMatchObject({ state: 'unreachable', waiting: 7 })
    await expect.poll(() => two.pc2.status()).toMatchObject({ state: 'unreachable', waiting: 1 })
    expect(two.pc1.status()?.error).toMatch(/site database/)
    expect(two.pc1.status()?.error).not.toContain('stockroom@')

    await two.site.restore()
    await expect
      .poll(() => two.pc1.status(), { timeout: 15_000 })
      .toMatchObject({ state: 'connected', waiting: 0 })
    await expect
      .poll(() => two.pc2.status(), { timeout: 15_000 })
      .toMatchObject({ state: 'connected', waiting: 0 })

    // Every scan once: 9 parts, 9 distinct, none lost.
    const parts = await two.site.query<{ n: string; distinct: string }>(
      'SELECT count(*) AS n, count(DISTINCT part_id) AS distinct FROM site_count_parts'
    )
    expect(parts[0]).toEqual({ n: '9', distinct: '9' })
    const changes = await two.site.query<{ kind: string; n: string }>(
      'SELECT kind, count(*) AS n FROM site_changes GROUP BY kind ORDER BY kind'
    )
    expect(changes).toEqual([
      { kind: 'link', n: '2' },
      { kind: 'part', n: '9' }
    ])
    // Sending the queue again (an answer lost after the commit) stores nothing twice.
    const again = await two.site.query<{
      change_id: string
      kind: string
      system: string
      body: Record<string, unknown>
    }>('SELECT change_id, kind, system, body FROM site_changes ORDER BY seq')
    await two.pc1.t.services.site.connected()!.push(
      two.pc1.t.services.site.identity(),
      again.map((r) => ({
        changeId: r.change_id,
        kind: r.kind as 'part',
        system: r.system,
        madeAt: new Date().toISOString(),
        body: r.body
      }))
    )
    expect(await two.site.query('SELECT 1 FROM site_changes')).toHaveLength(11)
    expect(await two.site.query('SELECT 1 FROM site_count_parts')).toHaveLength(9)

    // The connection string is a secret: in no log line, and nowhere in main's data directory.
    for (const pc of [two.pc1, two.pc2]) {
      expect(pc.t.logs.join('\n')).not.toContain(':stockroom@')
      expect(await filesHolding(pc.t.dataDir, two.site.url)).toEqual([])
    }

    // Each PC has the other's link; PC 2 sees PC 1's parts summed: 5 of a, 4 of b.
    await expect
      .poll(async () => (await lookupCode(two.pc2.db, codeKeys('AWAY-1'))).items.map((i) => i.key))
      .toEqual([item(two.pc2, c!.id)])
    await expect
      .poll(async () => (await lookupCode(two.pc1.db, codeKeys('AWAY-2'))).items.map((i) => i.key))
      .toEqual([item(two.pc1, d!.id)])
    const seen = await siteParts(two.pc2.db, two.pc2.host, count2.id)
    if (seen.state !== 'ok') throw new Error(`site parts: ${seen.state}`)
    const summed = [...seen.byLine.values()].map((p) => p.map((x) => `${x.pc} ${x.quantity}`))
    expect(summed.sort()).toEqual([['PC-1 4'], ['PC-1 5']])
  })
})
