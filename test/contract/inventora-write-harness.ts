import type { InventoraData } from '../../src/main/fakes/inventora/server'
import { inventoraHarness } from './inventora-harness'
import type { WriteHarness } from './write-conformance'

let issued = 0

export const inventoraWriteHarness: WriteHarness<InventoraData> = {
  ...inventoraHarness,
  countable(fake, cid) {
    const d = fake.server.data
    // Products without a bill of materials: a restock moves only their own level.
    const plain = d.products.all().filter((p) => p.materials.length === 0)
    return {
      locationKey: `${cid}:location:${d.locations[0]!.name}`,
      itemKeys: plain.map((p) => `${cid}:item:products/${p.id}`)
    }
  },
  levelAt(fake, itemVendorId, locationName) {
    const d = fake.server.data
    const resource = d.resource(itemVendorId.replace(/^(products|materials)\//, ''))!
    return resource.stock[d.locationByName(locationName)!.id] ?? 0
  },
  taskLines: (fake, cid) =>
    fake.server.data.tasks
      .all()
      .filter((t) => !t.deleted && t.status !== 'done')
      .flatMap((t) => t.items.map((i) => ({ taskKey: `${cid}:task:${t.id}`, lineId: String(i.id) }))),
  madeOnLine: (fake, taskVendorId, lineId) =>
    fake.server.data.tasks
      .get(taskVendorId)!
      .items.find((i) => String(i.id) === lineId)!
      .batches.reduce((n, b) => n + b.quantity, 0),
  revokeKey: (fake, key) => fake.server.data.apiKeys.delete(key),
  issueKey(fake) {
    const key = `inv_rotated_${++issued}`
    fake.server.data.apiKeys.add(key)
    return key
  },

  fieldDetails: false,
  prepareFlows(fake, n) {
    // Batches recorded at the vendor before the sync, on tasks of their own, for undo to delete.
    const d = fake.server.data
    const open = d.tasks.all().filter((t) => !t.deleted && t.status !== 'done' && t.items.length > 0)
    for (const t of open.slice(-n)) {
      const item = t.items[0]!
      const now = Date.now()
      d.tasks.update(t.id, (task) => {
        task.items[0]!.batches.push({
          id: d.newBatchId(),
          taskItemId: item.id,
          UserId: null,
          quantity: 1,
          locationId: t.LocationId ?? d.defaultLocation().id,
          createdAt: now,
          updatedAt: now
        })
      })
    }
  }
}
