import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFakePrinter, type FakePrinter } from '../../src/main/fakes/printer/server'
import { DEFAULT_LABEL_SIZE, type Label } from '../../src/shared/labels/label'
import { MADE_CODE } from '../../src/shared/labels/made-code'
import { parseScan } from '../../src/shared/scan'
import { findLocationLabel } from '../../src/renderer/src/count/location-switch'
import { resolveCode } from '../../src/renderer/src/count/resolve'
import { linkPrintedCodes, planItemLabels } from '../../src/renderer/src/labels/item-labels'
import { planLocationLabels, planReceiptLabel } from '../../src/renderer/src/labels/location-labels'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { HostClient } from '../../src/shared/host-api/client'
import { figgroHarness } from '../contract/figgro-harness'
import { forgemrpHarness } from '../contract/forgemrp-harness'
import { fractionerpHarness } from '../contract/fractionerp-harness'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import type { VendorHarness } from '../contract/conformance'
import { decodeImage, type Decoded } from '../helpers/barcode-reader'
import { connectVendor, type Connected } from '../helpers/connected'

/**
 * Labels make a round trip: drawn by the same code as the preview and the PDF,
 * read back by a barcode reader library (zxing), fed to the app's scan parsing,
 * and resolved in the replica to what they were printed for. The ZPL the fake
 * printer received carries the same data in its barcode fields.
 */

const size = DEFAULT_LABEL_SIZE
const pdftoppm = existsSync('/usr/bin/pdftoppm')

async function must<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const result = await r
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** Draws the labels through the host (the preview's call) and reads each image back. */
async function drawAndRead(host: HostClient, labels: Label[]): Promise<Decoded[]> {
  const { barcodes } = await must(host.call('labels:draw', { labels, size }))
  const out: Decoded[] = []
  for (const b of barcodes) {
    const found = await decodeImage(Buffer.from(b.png, 'base64'))
    expect(found).toHaveLength(1)
    out.push(found[0]!)
  }
  return out
}

/** Prints the labels on the fake printer through the host; returns the barcode fields it received. */
async function printAndRead(c: Connected<unknown>, printer: FakePrinter, labels: Label[]) {
  const { id } = await must(
    c.host.call('printers:save', { name: 'Desk printer', host: printer.host, port: printer.port, size })
  )
  const before = printer.jobs.length
  const sent = await must(c.host.call('printers:print', { printerId: id, labels }))
  expect(sent.labels).toBe(labels.length)
  await printer.waitForJobs(before + 1)
  const job = printer.jobs[before]!
  expect(job.zpl).toBe(sent.zpl)
  return job.labels.map((l) => l.barcodes)
}

/** Renders the PDF's pages to PNG (poppler, at a 600-dpi office printer's resolution) and reads each page's barcode. */
async function pdfAndRead(host: HostClient, labels: Label[]): Promise<Decoded[]> {
  const { savedTo, pages } = await must(host.call('labels:pdf', { labels, size }))
  expect(pages).toBe(labels.length)
  const dir = mkdtempSync(join(tmpdir(), 'labels-pdf-'))
  try {
    execFileSync('pdftoppm', ['-r', '600', '-png', savedTo, join(dir, 'page')])
    const files = readdirSync(dir).sort()
    expect(files).toHaveLength(labels.length)
    const out: Decoded[] = []
    for (const f of files) {
      const found = await decodeImage(readFileSync(join(dir, f)))
      expect(found).toHaveLength(1)
      out.push(found[0]!)
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

let printer: FakePrinter
beforeAll(async () => {
  printer = await startFakePrinter()
})
afterAll(() => printer.close())

const barcodeLess: VendorHarness<unknown>[] = [
  forgemrpHarness as VendorHarness<unknown>,
  fractionerpHarness as VendorHarness<unknown>,
  figgroHarness as VendorHarness<unknown>
]

describe('label round trip: drawn, read by zxing, parsed as a scan, resolved in the replica', () => {
  let c: Connected<unknown> | undefined
  afterEach(async () => {
    await c?.close()
    c = undefined
  })

  for (const harness of barcodeLess) {
    it(`${harness.label}: items without a barcode get made codes that scan as their items once printed`, async () => {
      c = await connectVendor(harness, { seed: 25, size: 30 })
      await syncConnection(c.db, c.host, c.cid)
      const expected = c.fake.expected(c.cid).items!
      const items = (await c.db.items.where('connectionId').equals(c.cid).sortBy('key')).slice(0, 4)
      expect(items).toHaveLength(4)
      const planned = await planItemLabels(c.db, items)
      const labels = planned.map((p) => p.label)
      for (const [i, p] of planned.entries()) {
        expect(p.makes?.code).toMatch(MADE_CODE)
        expect(p.label.barcode.symbology).toBe('code128')
        // Name in text, and the SKU or the vendor's id.
        expect(p.label.title).toBe(expected.get(items[i]!.key)!.name)
        expect(p.label.lines[0]).toMatch(/^(SKU|ID) ./)
      }
      expect(new Set(planned.map((p) => p.makes?.code)).size).toBe(planned.length)

      const decoded = await drawAndRead(c.host, labels)
      // Before printing, no scan knows the made codes.
      for (const d of decoded) {
        const scan = parseScan(d.scanned)
        expect(scan.ok && scan.kind).toBe('plain')
        if (!scan.ok) continue
        expect((await resolveCode(c.db, scan.keys, c.cid)).status).toBe('unknown')
      }
      const fields = await printAndRead(c, printer, labels)
      expect(await linkPrintedCodes(c.db, planned, { linkedOn: 'test PC' })).toBe(planned.length)

      for (const [i, d] of decoded.entries()) {
        expect(d.format).toBe('Code128')
        expect(d.text).toBe(planned[i]!.makes!.code)
        const scan = parseScan(d.scanned)
        if (!scan.ok) throw new Error(scan.error.message)
        const found = await resolveCode(c.db, scan.keys, c.cid)
        expect(found.status === 'found' && found.item.key).toBe(items[i]!.key)
        expect(expected.has(items[i]!.key)).toBe(true)
        expect(fields[i]).toEqual([{ command: 'BC', data: d.text }])
      }
      // Printing again gives the same codes: the links are used, nothing new is made.
      const again = await planItemLabels(c.db, items)
      expect(again.map((p) => p.label.barcode.data)).toEqual(decoded.map((d) => d.text))
      expect(again.every((p) => p.makes === undefined)).toBe(true)
    })
  }

  it('ForgeMRP location labels start a count at that location', async () => {
    c = await connectVendor(forgemrpHarness as VendorHarness<unknown>, { seed: 25, size: 30 })
    await syncConnection(c.db, c.host, c.cid)
    const places = (await c.db.locations.where('connectionId').equals(c.cid).sortBy('key')).slice(0, 3)
    expect(places.length).toBeGreaterThan(0)
    const labels = (await Promise.all(places.map((p) => planLocationLabels(c!.db, p.key)))).flat()
    const decoded = await drawAndRead(c.host, labels)
    const fields = await printAndRead(c, printer, labels)
    for (const [i, d] of decoded.entries()) {
      const scan = parseScan(d.scanned)
      if (!scan.ok) throw new Error(scan.error.message)
      expect((await findLocationLabel(c.db, scan.keys, c.cid)).map((l) => l.key)).toEqual([places[i]!.key])
      expect(fields[i]).toEqual([{ command: 'BC', data: d.text.replace(/>/g, '><') }])
    }
  })

  it('a Frostbyte bin label and a receipt label (GTIN, batch, expiry, serial) read back as printed', async () => {
    c = await connectVendor(frostbyteHarness as VendorHarness<unknown>, { seed: 25, size: 60 })
    await syncConnection(c.db, c.host, c.cid)
    const bin = (await c.db.locations.where('kind').equals('bin').sortBy('key'))[0]
    if (!bin) throw new Error('the fake has no bin')
    const lots = await c.db.lots.where('connectionId').equals(c.cid).toArray()
    const lot = lots.find((l) => l.expiry && /^[A-Z0-9-]{1,20}$/.test(l.lotNumber))
    if (!lot) throw new Error('the fake has no lot with an expiry')
    const item = (await c.db.items.get(lot.itemKey))!
    const labels = [
      ...(await planLocationLabels(c.db, bin.key)),
      await planReceiptLabel(c.db, lot.key, 'SN0001')
    ]
    expect(labels[1]!.barcode.symbology).toBe('gs1-128')
    const decoded = await drawAndRead(c.host, labels)
    const fields = await printAndRead(c, printer, labels)

    const binScan = parseScan(decoded[0]!.scanned)
    if (!binScan.ok) throw new Error(binScan.error.message)
    expect((await findLocationLabel(c.db, binScan.keys, c.cid)).map((l) => l.key)).toEqual([bin.key])
    expect(fields[0]).toEqual([{ command: 'BC', data: decoded[0]!.text }])

    const receipt = parseScan(decoded[1]!.scanned)
    if (!receipt.ok || receipt.kind !== 'gs1') throw new Error(`not read as GS1: ${JSON.stringify(receipt)}`)
    expect(receipt.symbology).toBe(']C1')
    expect(receipt.gs1).toMatchObject({
      lot: lot.lotNumber,
      expiry: lot.expiry!.slice(0, 10),
      serial: 'SN0001'
    })
    const found = await resolveCode(c.db, receipt.keys, c.cid)
    expect(found.status === 'found' && found.item.key).toBe(item.key)
    // The printer's GS1-128 field (mode D) holds the same elements, in brackets.
    expect(fields[1]).toEqual([{ command: 'BC', mode: 'D', data: labels[1]!.barcode.data }])
    const ais = receipt.gs1.ais
    expect(labels[1]!.barcode.data).toBe(`(01)${ais['01']}(17)${ais['17']}(10)${ais['10']}(21)${ais['21']}`)
  })

  it.runIf(pdftoppm || process.env.CI === 'true')(
    'the PDF holds the same barcodes: its pages rendered by poppler read back the same',
    async () => {
      c = await connectVendor(frostbyteHarness as VendorHarness<unknown>, { seed: 25, size: 60 })
      await syncConnection(c.db, c.host, c.cid)
      const withGtin = (await c.db.items.where('connectionId').equals(c.cid).sortBy('key')).slice(0, 2)
      const lot = (await c.db.lots.where('connectionId').equals(c.cid).toArray()).find((l) => l.expiry)!
      const labels = [
        ...(await planItemLabels(c.db, withGtin)).map((p) => p.label),
        await planReceiptLabel(c.db, lot.key, 'SN0002')
      ]
      const fromPreview = await drawAndRead(c.host, labels)
      const fromPdf = await pdfAndRead(c.host, labels)
      expect(fromPdf.map((d) => d.scanned)).toEqual(fromPreview.map((d) => d.scanned))
    }
  )
})
