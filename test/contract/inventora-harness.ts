import type { InventoraData } from '../../src/main/fakes/inventora/server'
import { startHarnessFake, type ExpectedReplica, type VendorHarness } from './conformance'

export const inventoraHarness: VendorHarness<InventoraData> = {
  vendor: 'inventora',
  label: 'Inventora',
  async start({ seed, size }) {
    const fake = await startHarnessFake<InventoraData>('inventora', { seed, size })
    const d = fake.server.data
    return {
      ...fake,
      expected(cid) {
        const locationName = (id: string) => d.location(id)?.name ?? id
        const items = new Map<string, Record<string, unknown>>()
        const stock = new Map<string, Record<string, unknown>>()
        for (const [path, table] of [
          ['products', d.products],
          ['materials', d.materials]
        ] as const) {
          for (const r of table.all()) {
            const vendorId = `${path}/${r.id}`
            items.set(`${cid}:item:${vendorId}`, { sku: r.sku, name: r.name, onHand: d.stockLevel(r) })
            for (const [locId, onHand] of Object.entries(r.stock)) {
              stock.set(`${cid}:stock:${vendorId}@${locationName(locId)}`, {
                onHand,
                locationKey: `${cid}:location:${locationName(locId)}`
              })
            }
          }
        }
        const locations = new Map(
          d.locations.map((l) => [`${cid}:location:${l.name}`, { name: l.name, code: l.id }])
        )
        const tasks = new Map(
          d.tasks
            .all()
            .filter((t) => !t.deleted)
            .map((t) => [
              `${cid}:task:${t.id}`,
              {
                name: t.name,
                status: t.status,
                ...(t.LocationId ? { locationKey: `${cid}:location:${locationName(t.LocationId)}` } : {})
              }
            ])
        )
        const expected: ExpectedReplica = { items, stock, locations, tasks }
        return expected
      },
      mutate() {
        const products = d.products.all()
        const changed = products.filter((_, i) => i % 41 === 3).map((p) => p.id)
        const location = d.locations[0]!.name
        for (const id of changed) d.setStock(id, location, 7)
        const removed = products.filter((_, i) => i % 59 === 11).map((p) => p.id)
        for (const id of removed) d.deleteResource(id)
        return { changed, removed }
      }
    }
  }
}
