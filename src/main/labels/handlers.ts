import { plural } from '../../shared/plural'
import { access, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { testLabel } from '../../shared/labels/build'
import type { Label } from '../../shared/labels/label'
import type { Printer } from '../../shared/host-api/labels'
import { HostFailure, type Handlers } from '../host/dispatch'
import { labelLayout } from '../../shared/labels/layout'
import { drawBarcode } from './draw'
import { labelsPdf } from './pdf'
import type { PrinterStore } from './printers'
import { PrintFailure, sendRaw } from './send-raw'
import { labelsZpl } from './zpl'

export type LabelCalls =
  | 'labels:draw'
  | 'labels:pdf'
  | 'labels:openPdf'
  | 'printers:list'
  | 'printers:save'
  | 'printers:remove'
  | 'printers:print'
  | 'printers:testPrint'

export interface LabelHandlerDeps {
  dataDir: string
  printers: PrinterStore
  /** The platform's file opener (the OS viewer on the desktop). */
  openFile: (path: string) => Promise<boolean>
  log: (line: string) => void
  /** How long a printer may take to take a job (default 10 s). */
  printTimeoutMs?: number
  now?: () => Date
}

/** The labels and printers domain of the host API: drawing, PDFs, and raw ZPL to network printers. */
export function createLabelHandlers(d: LabelHandlerDeps): Pick<Handlers, LabelCalls> {
  const now = d.now ?? (() => new Date())
  const need = async (id: string): Promise<Printer> => {
    const p = await d.printers.get(id)
    if (!p) throw new HostFailure('not-found', 'That printer is no longer set up on this PC. Pick another.')
    return p
  }
  const print = async (printer: Printer, labels: Label[]) => {
    const zpl = await labelsZpl(labels, printer.size)
    try {
      const { bytes } = await sendRaw(printer, zpl, d.printTimeoutMs)
      d.log(`printed ${plural(labels.length, 'label')} on ${printer.name} (${bytes} bytes)`)
      return { printer: printer.name, labels: labels.length, bytes, zpl }
    } catch (err) {
      if (err instanceof PrintFailure) {
        d.log(`print on ${printer.name} failed (${err.reason})`)
        throw new HostFailure('unavailable', err.message, undefined, { kind: `printer-${err.reason}` })
      }
      throw err
    }
  }
  return {
    'labels:draw': async ({ labels, size }) => ({
      barcodes: await Promise.all(
        labels.map(async (l) => {
          // Fitted to the same box as in the PDF: the preview shows the PDF's own image.
          const drawn = await drawBarcode(l.barcode, labelLayout(size, l.lines.length).barcode)
          return { png: drawn.png.toString('base64'), widthPx: drawn.widthPx, heightPx: drawn.heightPx }
        })
      )
    }),
    'labels:pdf': async ({ labels, size }) => {
      const pdf = await labelsPdf(labels, size)
      const dir = join(d.dataDir, 'labels')
      await mkdir(dir, { recursive: true })
      const savedTo = join(dir, `labels-${now().toISOString().replace(/[:.]/g, '-')}.pdf`)
      await writeFile(savedTo, pdf)
      return { pdf: Buffer.from(pdf).toString('base64'), pages: labels.length, savedTo }
    },
    'labels:openPdf': async ({ path }) => {
      // Only a PDF this PC saved for labels: never any other file the window names.
      const dir = resolve(d.dataDir, 'labels')
      const full = resolve(path)
      if (dirname(full) !== dir || !full.endsWith('.pdf') || !(await exists(full)))
        throw new HostFailure(
          'not-found',
          'That PDF is not among the labels saved on this PC. Save it again.'
        )
      return { opened: await d.openFile(full) }
    },
    'printers:list': async () => ({ printers: await d.printers.list() }),
    'printers:save': async (input) => {
      if (input.id !== undefined) await need(input.id)
      return d.printers.save(input)
    },
    'printers:remove': async ({ id }) => {
      if (!(await d.printers.remove(id)))
        throw new HostFailure('not-found', 'That printer was already removed.')
      return {}
    },
    'printers:print': async ({ printerId, labels }) => print(await need(printerId), labels),
    'printers:testPrint': async ({ printerId }) => {
      const printer = await need(printerId)
      return print(printer, [testLabel(printer.name, now().toISOString())])
    }
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false
  )
