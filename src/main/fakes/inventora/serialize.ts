/**
 * Records → Inventora's JSON shapes, as in the docs' examples.
 * ASSUMPTION: instants are ISO 8601 with milliseconds (the examples show whole seconds).
 * ASSUMPTION: `locationStockLevels` lists the locations where the resource has ever held stock.
 */
import { iso, isoOrNull } from '../common/time'
import type { InventoraData } from './data'
import type { InvResource, InvTask, InvTaskBatch } from './model'

export function resource(d: InventoraData, r: Readonly<InvResource>): Record<string, unknown> {
  const locationStockLevels: Record<string, number> = {}
  for (const loc of d.locations) {
    const q = r.stock[loc.id]
    if (q !== undefined) locationStockLevels[loc.name] = q
  }
  return {
    id: r.id,
    name: r.name,
    sku: r.sku,
    stockLevel: d.stockLevel(r),
    unitType: r.unitType,
    unitPrice: r.unitPrice,
    minLevel: r.minLevel,
    notes: r.notes,
    retailPrice: r.retailPrice,
    wholesalePrice: r.wholesalePrice,
    ean: r.ean,
    minimumQuantity: r.minimumQuantity,
    reorderURLs: [...r.reorderURLs],
    locationStockLevels,
    productionType: r.productionType,
    materials: r.materials.flatMap((use) => {
      const m = d.materials.get(use.materialId)
      if (!m) return []
      return [
        {
          id: m.id,
          name: m.name,
          sku: m.sku,
          unitType: m.unitType,
          unitPrice: m.unitPrice,
          stockLevel: d.stockLevel(m),
          minLevel: m.minLevel,
          quantityUsed: use.quantityUsed
        }
      ]
    })
  }
}

export function taskBatch(b: Readonly<InvTaskBatch>): Record<string, unknown> {
  return {
    id: b.id,
    UserId: b.UserId,
    quantity: b.quantity,
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt)
  }
}

/** The response of POST …/batches carries `TaskResourceId` (the task item id). */
export function createdBatch(b: Readonly<InvTaskBatch>): Record<string, unknown> {
  return {
    id: b.id,
    TaskResourceId: b.taskItemId,
    UserId: b.UserId,
    quantity: b.quantity,
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt)
  }
}

export function task(d: InventoraData, t: Readonly<InvTask>): Record<string, unknown> {
  return {
    id: t.id,
    name: t.name,
    status: t.status,
    order: t.order,
    LocationId: t.LocationId,
    UserId: t.UserId,
    due: isoOrNull(t.due),
    completedAt: isoOrNull(t.completedAt),
    notes: t.notes,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    Items: t.items.map((item) => {
      const p = d.resource(item.resourceId)
      return {
        id: item.id,
        ResourceId: item.resourceId,
        quantity: item.quantity,
        unitType: item.unitType,
        completed: item.completed,
        Product: p
          ? {
              id: p.id,
              name: p.name,
              sku: p.sku,
              unitType: p.unitType,
              stockLevel: d.stockLevel(p),
              type: p.kind
            }
          : null,
        Batches: item.batches.map(taskBatch)
      }
    })
  }
}
