import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { rowTotals } from '../../src/main/fakes/frostbyte/serialize'
import { startHarnessFake, type ExpectedReplica, type VendorHarness } from './conformance'

export const frostbyteHarness: VendorHarness<FrostbyteData> = {
  vendor: 'frostbyte',
  label: 'Frostbyte Pro',
  async start({ seed, size }) {
    // Limits raised so a test does not wait out real minutes; pacing itself is tested on its own.
    const fake = await startHarnessFake<FrostbyteData>('frostbyte', {
      seed,
      size,
      requestsPerMinute: 100_000
    })
    const d = fake.server.data
    const active = () => d.products.all().filter((p) => p.isActive)
    return {
      ...fake,
      expected(cid) {
        const items = new Map(
          active().map((p) => [
            `${cid}:item:${p.id}`,
            { sku: p.sku, name: p.name, onHand: d.totalOnHand(p.id) }
          ])
        )
        const locations = new Map<string, Record<string, unknown>>()
        for (const w of d.warehouses) {
          locations.set(`${cid}:location:wh/${w.id}`, { name: w.name, kind: 'warehouse' })
          for (const z of w.zones) {
            locations.set(`${cid}:location:zone/${z.id}`, {
              kind: 'zone',
              parentKey: `${cid}:location:wh/${w.id}`
            })
            for (const b of z.bins)
              locations.set(`${cid}:location:bin/${b.id}`, {
                kind: 'bin',
                parentKey: `${cid}:location:zone/${z.id}`
              })
          }
        }
        const stock = new Map<string, Record<string, unknown>>()
        for (const p of active()) {
          for (const row of d.stockOf(p.id)) {
            const byBatch = new Map<string | null, number>()
            for (const c of row.cells) byBatch.set(c.batchId, (byBatch.get(c.batchId) ?? 0) + c.onHand)
            const batched = [...byBatch.keys()].some((b) => b !== null)
            if (!batched) {
              stock.set(`${cid}:stock:${row.id}`, { onHand: rowTotals(row).onHand })
              continue
            }
            for (const [batchId, onHand] of byBatch) {
              if (batchId !== null)
                stock.set(`${cid}:stock:${row.id}/${batchId}`, { onHand: Math.round(onHand * 1e6) / 1e6 })
              else if (Math.round(onHand * 1e6) !== 0)
                stock.set(`${cid}:stock:${row.id}/-`, { onHand: Math.round(onHand * 1e6) / 1e6 })
            }
          }
        }
        const lots = new Map<string, Record<string, unknown>>()
        for (const b of d.batches.all()) {
          if (b.productId === null || d.batchCells(b).length === 0) continue
          lots.set(`${cid}:lot:${b.id}`, { lotNumber: b.batchNumber, itemKey: `${cid}:item:${b.productId}` })
        }
        const expected: ExpectedReplica = { items, locations, stock, lots }
        return expected
      },
      mutate() {
        const all = active()
        const changed = all.filter((_, i) => i % 37 === 5).map((p) => p.id)
        for (const id of changed) d.updateProduct(id, { name: `${d.products.get(id)!.name} (revised)` })
        // Frostbyte has no hard deletes: a product leaves by being deactivated.
        const removed = all.filter((_, i) => i % 53 === 7).map((p) => p.id)
        for (const id of removed) d.updateProduct(id, { isActive: false })
        return { changed, removed }
      }
    }
  }
}
