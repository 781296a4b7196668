import { describe, expect, it } from 'vitest'
import { mapRecords } from './page-mapping'
import { frPurchaseOrder } from '../../shared/vendors/fractionerp/schemas'
import { fgProduct } from '../../shared/vendors/figgro/schemas'

describe('records read tolerantly', () => {
  it('reads a field by any of its names and casings, and ids as text or numbers', () => {
    for (const raw of [
      { id: 7, po_number: 'PO-7', status: 'Open' },
      { id: '7', number: 'PO-7', status: 'Open' },
      { ID: 7, PoNumber: 'PO-7', Status: 'Open' },
      { id: 7, poNumber: 'PO-7', status: 'Open', lines: 'not a list' }
    ]) {
      const parsed = frPurchaseOrder.parse(raw)
      expect({ id: parsed.id, number: parsed.po_number, lines: parsed.lines }).toEqual({
        id: '7',
        number: 'PO-7',
        lines: []
      })
    }
  })

  it('leaves out what is missing or of an unexpected type, instead of refusing the record', () => {
    const p = fgProduct.parse({ id: 100007, name: { en: 'Honey' }, quantity: '12.5' })
    expect({ id: p.id, name: p.name, onHand: p.quantityOnHand, sku: p.sku }).toEqual({
      id: '100007',
      name: undefined,
      onHand: 12.5,
      sku: undefined
    })
  })

  it('refuses only a record without an id, naming the fields it carried and none of their values', () => {
    const { mapped, rejected } = mapRecords(
      [{ sku: 'SECRET-SKU', name: 'Honey', qty: 4 }, { id: '', sku: 'A' }, { id: 3 }],
      fgProduct,
      (p) => p.id
    )
    expect(mapped).toEqual(['3'])
    expect(rejected).toEqual([
      { vendorId: '(no id)', reason: "no id — the record's fields: sku, name, qty" },
      { vendorId: '', reason: "an empty id — the record's fields: id, sku" }
    ])
    expect(JSON.stringify(rejected)).not.toContain('SECRET-SKU')
  })
})
