import { describe, expect, it } from 'vitest'
import { isValidGtin } from '../common/gtin'
import { DAY } from '../common/time'
import { generateFrostbyte } from './generate'

const now = () => new Date('2026-06-12T03:00:00.000Z')

describe('Frostbyte fake: generated data', () => {
  it('is deterministic: the same seed and size give the same data', () => {
    const a = generateFrostbyte({ seed: 42, size: 300, now })
    const b = generateFrostbyte({ seed: 42, size: 300, now })
    expect(a.products.all()).toEqual(b.products.all())
    expect(a.stockRows.all()).toEqual(b.stockRows.all())
    expect(a.batches.all()).toEqual(b.batches.all())
    expect(a.purchaseOrders.all()).toEqual(b.purchaseOrders.all())
    const c = generateFrostbyte({ seed: 43, size: 300, now })
    expect(c.products.all().map((p) => p.name)).not.toEqual(a.products.all().map((p) => p.name))
  })

  it('keeps the first products the same whatever the size', () => {
    const small = generateFrostbyte({ seed: 5, size: 20, now }).products.all()
    const large = generateFrostbyte({ seed: 5, size: 200, now }).products.all().slice(0, 20)
    expect(large.map((p) => [p.sku, p.name, p.barcode])).toEqual(small.map((p) => [p.sku, p.name, p.barcode]))
  })

  it('gives every product a unique SKU, a valid unique barcode and realistic names', () => {
    const d = generateFrostbyte({ seed: 1, size: 2000, now })
    const products = d.products.all()
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length)
    const eans = products.map((p) => p.codes.ean13)
    expect(new Set(eans).size).toBe(eans.length)
    for (const p of products) {
      expect(isValidGtin(p.codes.ean13)).toBe(true)
      expect(p.codes.ean13).toHaveLength(13)
      if (p.codes.upcA) expect(isValidGtin(p.codes.upcA) && p.codes.ean13 === `0${p.codes.upcA}`).toBe(true)
      if (p.codes.gtin14) expect(isValidGtin(p.codes.gtin14)).toBe(true)
      if (p.barcode !== null) expect(d.productByBarcode(p.barcode)?.id).toBe(p.id)
      expect(p.name).toMatch(/^[A-Z0-9][\w ×.,'-]+, .+$/)
    }
    expect(products.some((p) => p.codes.upcA !== null && p.barcode === p.codes.upcA)).toBe(true)
    expect(products.some((p) => p.codes.gtin14 !== null)).toBe(true)
  })

  it('has 3 warehouses with zones and bins, low-stock items, soon-expiring batches and serials', () => {
    const d = generateFrostbyte({ seed: 1, size: 10, now })
    expect(d.warehouses).toHaveLength(3)
    expect(d.warehouses.every((w) => w.zones.length > 0 && w.zones.every((z) => z.bins.length > 0))).toBe(
      true
    )
    const products = d.products.all()
    expect(products.some((p) => p.minStockLevel > 0 && d.totalOnHand(p.id) <= p.minStockLevel)).toBe(true)
    const anchor = Date.parse('2026-06-12T00:00:00.000Z')
    expect(
      d.batches
        .all()
        .some((b) => b.expiryDate !== null && b.expiryDate > anchor && b.expiryDate <= anchor + 14 * DAY)
    ).toBe(true)
    expect(products.some((p) => p.trackSerials)).toBe(true)
    expect(d.serials.size).toBeGreaterThan(0)
    expect(d.purchaseOrders.size).toBeGreaterThan(0)
    expect(d.shipments.size).toBeGreaterThan(0)
    // Stock rows agree with their batch cells and serials.
    for (const p of products.filter((x) => x.trackSerials)) {
      const available = d.serials.all().filter((s) => s.productId === p.id && s.status === 'AVAILABLE').length
      expect(available).toBe(d.totalOnHand(p.id))
    }
  })

  it('puts every generated instant before the start of the current UTC day', () => {
    const d = generateFrostbyte({ seed: 3, size: 500, now })
    const anchor = Date.parse('2026-06-12T00:00:00.000Z')
    expect(d.products.all().every((p) => p.updatedAt < anchor && p.createdAt <= p.updatedAt)).toBe(true)
    expect(d.stockRows.all().every((r) => r.updatedAt < anchor)).toBe(true)
    for (const p of d.products.all())
      for (const r of d.stockOf(p.id)) expect(r.updatedAt).toBeLessThanOrEqual(p.updatedAt)
  })

  it('generates the largest dataset, 100k products', () => {
    // Its speed is a benchmark figure (bench:sync), not a test bound.
    const d = generateFrostbyte({ seed: 1, size: 100_000, now })
    expect(d.products.size).toBe(100_000)
  })
})
