import { z } from 'zod'
import { labelSchema, labelSizeSchema } from '../labels/label'

/** A network label printer as this PC knows it (kept in the data directory, per PC). */
export const printerSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  /** Host name or IP address. */
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:\-[\]]+$/, 'an address is a host name or an IP address'),
  port: z.number().int().min(1).max(65535),
  size: labelSizeSchema
})
export type Printer = z.infer<typeof printerSchema>

/** A printer being added (no id yet) or changed. Port 9100 (raw printing) unless told otherwise. */
export const printerInput = printerSchema
  .omit({ id: true, port: true })
  .extend({
    id: z.string().min(1).max(100).optional(),
    port: z.number().int().min(1).max(65535).default(9100)
  })
  .strict()
export type PrinterInput = z.input<typeof printerInput>

const labels = z.array(labelSchema).min(1)

/** One barcode as drawn by the barcode library: a PNG, with its size in pixels. */
export const drawnBarcode = z.object({
  png: z.string(),
  widthPx: z.number(),
  heightPx: z.number()
})
export type DrawnBarcode = z.infer<typeof drawnBarcode>

/** What went to the printer, for the person to see ("a test print shows what was sent"). */
export const printOutcome = z.object({
  printer: z.string(),
  labels: z.number().int(),
  bytes: z.number().int(),
  zpl: z.string()
})
export type PrintOutcome = z.infer<typeof printOutcome>

export const labelsCalls = {
  /** The barcodes of labels, drawn for the preview: the same PNGs the PDF holds. */
  'labels:draw': {
    request: z.object({ labels: labels.max(60), size: labelSizeSchema }).strict(),
    response: z.object({ barcodes: z.array(drawnBarcode) })
  },
  /** A PDF of the labels, one page per label at the label's exact size; also kept in the data directory. */
  'labels:pdf': {
    request: z.object({ labels: labels.max(500), size: labelSizeSchema }).strict(),
    response: z.object({ pdf: z.string(), pages: z.number().int(), savedTo: z.string() })
  },
  /** Opens a PDF saved by `labels:pdf` in the PC's viewer (desktop); false where the host cannot (web host). */
  'labels:openPdf': {
    request: z.object({ path: z.string().min(1).max(1000) }).strict(),
    response: z.object({ opened: z.boolean() })
  },
  'printers:list': {
    request: z.object({}).strict(),
    response: z.object({ printers: z.array(printerSchema) })
  },
  'printers:save': { request: printerInput, response: printerSchema },
  'printers:remove': {
    request: z.object({ id: z.string().min(1).max(100) }).strict(),
    response: z.object({})
  },
  /** Sends the labels as raw ZPL to the printer's port; fails in plain words, nothing half-said. */
  'printers:print': {
    request: z.object({ printerId: z.string().min(1).max(100), labels: labels.max(500) }).strict(),
    response: printOutcome
  },
  'printers:testPrint': {
    request: z.object({ printerId: z.string().min(1).max(100) }).strict(),
    response: printOutcome
  }
} as const
