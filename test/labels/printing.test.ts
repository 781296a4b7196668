import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakePrinter, type FakePrinter } from '../../src/main/fakes/printer/server'
import { createNodePlatform } from '../../src/main/platform/node-platform'
import { createMainServices, type MainServices } from '../../src/main/services'
import { itemLabel } from '../../src/shared/labels/build'
import { DEFAULT_LABEL_SIZE } from '../../src/shared/labels/label'
import type { Result } from '../../src/shared/result'

/**
 * Printing from main through the host API, against the fakes toolkit's label
 * printer: what the printer receives, and each way a printer fails told in
 * plain words, with the job kept to print again.
 */

let root: string
let services: MainServices
let printer: FakePrinter
const labels = [
  itemLabel({ name: 'Hex bolt M8', sku: 'HB-M8', vendorId: '1', codes: [] }, 'SRK7Q2M9XA'),
  itemLabel({ name: 'Washer', sku: 'W-8', vendorId: '2', codes: ['05901234123457'] })
]

const call = (name: string, payload: unknown) =>
  services.dispatch(name, payload) as Promise<Result<Record<string, unknown>>>

async function addPrinter(host = printer.host, port: number | 'default' = printer.port): Promise<string> {
  const r = await call('printers:save', {
    name: 'Packing desk',
    host,
    ...(port !== 'default' && { port }),
    size: DEFAULT_LABEL_SIZE
  })
  if (!r.ok) throw new Error(r.error.message)
  return r.value.id as string
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'stockroom-print-'))
  const dataDir = join(root, 'data')
  const log = () => undefined
  services = await createMainServices({
    dataDir,
    platform: createNodePlatform({ dataDir, keyDir: join(root, 'keys'), log }),
    version: 'test',
    log,
    printTimeoutMs: 1500
  })
  printer = await startFakePrinter()
})
afterEach(async () => {
  await printer.close()
  await services.dispose()
  await rm(root, { recursive: true, force: true })
})

describe('label printers', () => {
  it('are kept per PC in the data directory, port 9100 unless told, and a bad address is refused', async () => {
    const id = await addPrinter('10.0.0.7', 'default')
    const saved = JSON.parse(await readFile(join(root, 'data', 'printers.json'), 'utf8'))
    expect(saved.printers).toEqual([
      { id, name: 'Packing desk', host: '10.0.0.7', port: 9100, size: DEFAULT_LABEL_SIZE }
    ])
    const bad = await call('printers:save', { name: 'X', host: 'http://x/', size: DEFAULT_LABEL_SIZE })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatch(/host name or an IP address/)
    expect(await call('printers:remove', { id })).toMatchObject({ ok: true })
    expect(await call('printers:list', {})).toEqual({ ok: true, value: { printers: [] } })
  })

  it('sends raw ZPL with the printer’s own barcode commands, and says what was sent', async () => {
    const id = await addPrinter()
    const r = await call('printers:print', { printerId: id, labels })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toMatchObject({ printer: 'Packing desk', labels: 2 })
    expect(printer.jobs).toHaveLength(1)
    expect(printer.jobs[0]!.zpl).toBe(r.value.zpl)
    expect(printer.jobs[0]!.bytes).toBe(r.value.bytes)
    expect(printer.printed()).toEqual([
      { texts: ['Hex bolt M8', 'SKU HB-M8'], barcodes: [{ command: 'BC', data: 'SRK7Q2M9XA' }] },
      { texts: ['Washer', 'SKU W-8'], barcodes: [{ command: 'BE', data: '590123412345' }] }
    ])
    // 57 × 32 mm at 203 dpi: the label's width and length in dots.
    expect(r.value.zpl).toMatch(/\^PW456\n\^LL256/)
    const test = await call('printers:testPrint', { printerId: id })
    if (!test.ok) throw new Error(test.error.message)
    expect(printer.printed()[2]!.texts[0]).toBe('Stockroom test print')
    expect(test.value.zpl).toContain('^FDSTOCKROOM TEST^FS')
  })

  it('tells a printer that is off, refuses, stalls, drops the job or has a wrong address in plain words; the job prints once it is fixed', async () => {
    const id = await addPrinter()
    const fails = async () => {
      const r = await call('printers:print', { printerId: id, labels })
      if (r.ok) throw new Error('printed')
      expect(r.error.code).toBe('unavailable')
      return r.error.message
    }
    await printer.switchOff()
    expect(await fails()).toMatch(
      /^Packing desk \(127\.0\.0\.1:\d+\) is not answering: the printer is off or not on the network\./
    )
    await printer.switchOn()
    printer.mode = 'refuse'
    expect(await fails()).toMatch(/refused/)
    printer.mode = 'drop'
    expect(await fails()).toMatch(/refused the labels: it closed the connection before taking them/)
    printer.mode = 'stall'
    expect(await fails()).toMatch(/took the connection but did not take the labels within 1\.5 s/)
    expect(printer.jobs).toHaveLength(0)
    expect(printer.turnedAway).toBe(3)

    printer.mode = 'print'
    const r = await call('printers:print', { printerId: id, labels })
    expect(r.ok).toBe(true)
    expect(printer.printed().map((l) => l.texts[0])).toEqual(['Hex bolt M8', 'Washer'])

    const nowhere = await addPrinter('no-such-printer.invalid', 9100)
    const lost = await call('printers:print', { printerId: nowhere, labels })
    expect(lost.ok).toBe(false)
    if (!lost.ok)
      expect(lost.error.message).toMatch(/can be found on the network|cannot be reached|did not answer/)
  })

  it('keeps each PDF in the data directory, and opens only those (none on the web host, which has no screen of its own)', async () => {
    const saved = await call('labels:pdf', { labels, size: DEFAULT_LABEL_SIZE })
    if (!saved.ok) throw new Error(saved.error.message)
    const path = saved.value.savedTo as string
    expect(path.startsWith(join(root, 'data', 'labels'))).toBe(true)
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-')
    expect(Buffer.from(saved.value.pdf as string, 'base64').equals(await readFile(path))).toBe(true)
    expect(await call('labels:openPdf', { path })).toEqual({ ok: true, value: { opened: false } })
    for (const other of [
      join(root, 'data', 'printers.json'),
      `${path}/../../labels/../printers.pdf`,
      '/etc/passwd'
    ])
      expect(await call('labels:openPdf', { path: other })).toMatchObject({
        ok: false,
        error: { code: 'not-found' }
      })
  })
})
