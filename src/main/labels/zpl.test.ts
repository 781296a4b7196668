import { describe, expect, it } from 'vitest'
import { readZpl } from '../fakes/printer/zpl-reader'
import type { Label } from '../../shared/labels/label'
import { labelsZpl, labelZpl } from './zpl'

const size = { widthMm: 57, heightMm: 32, dpi: 203 } as const

describe('ZPL', () => {
  it('uses the printer’s barcode commands: ^BC for Code 128, ^BE for EAN-13, ^BC mode D for GS1-128', async () => {
    const labels: Label[] = [
      { kind: 'item', barcode: { symbology: 'code128', data: 'A>B' }, title: 'x', lines: [] },
      { kind: 'item', barcode: { symbology: 'ean13', data: '5901234123457' }, title: 'y', lines: [] },
      {
        kind: 'receipt',
        barcode: { symbology: 'gs1-128', data: '(01)05901234123457(10)L1' },
        title: 'z',
        lines: []
      }
    ]
    const zpl = await labelsZpl(labels, size)
    expect(zpl.match(/\^XA/g)).toHaveLength(3)
    expect(zpl).toContain('^BCN,') // every barcode has a height and the interpretation line
    expect(readZpl(zpl).map((l) => l.barcodes)).toEqual([
      [{ command: 'BC', data: 'A><B' }],
      [{ command: 'BE', data: '590123412345' }],
      [{ command: 'BC', mode: 'D', data: '(01)05901234123457(10)L1' }]
    ])
  })

  it('escapes text so no name can start a printer command, and keeps UTF-8 under ^CI28', async () => {
    const zpl = await labelZpl(
      {
        kind: 'item',
        barcode: { symbology: 'code128', data: 'SR12345678' },
        title: 'Bolt ^XZ ~JR_1',
        lines: ['Kühlraum']
      },
      size
    )
    expect(zpl).toContain('^CI28')
    expect(zpl).toContain('^FDBolt _5EXZ _7EJR_5F1^FS')
    expect(zpl.match(/\^XZ/g)).toHaveLength(1)
    expect(readZpl(zpl)[0]!.texts).toEqual(['Bolt ^XZ ~JR_1', 'Kühlraum'])
  })

  it('sizes the label and fits the bars to its width in whole printer dots', async () => {
    const zpl = await labelZpl(
      { kind: 'item', barcode: { symbology: 'code128', data: 'SR12345678' }, title: 't', lines: [] },
      { widthMm: 102, heightMm: 76, dpi: 300 }
    )
    expect(zpl).toMatch(/\^PW1205\n\^LL898/)
    const module = Number(/\^BY(\d+),/.exec(zpl)![1])
    expect(module).toBeGreaterThanOrEqual(2)
    expect(module).toBeLessThanOrEqual(6)
  })
})
