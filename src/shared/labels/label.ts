import { z } from 'zod'

/**
 * A label as Stockroom prints it: one barcode and a few lines of text. The same
 * value is drawn for the preview, put into the PDF and turned into ZPL, so what a
 * person sees before printing is what the printer gets.
 */

/** The barcode kinds Stockroom prints. */
export const symbologies = ['code128', 'ean13', 'gs1-128'] as const
export type Symbology = (typeof symbologies)[number]

/** Printable ASCII a Code 128 label may carry: no control keys, and not ^ or ~ (a printer's command characters). */
export const CODE128_TEXT = /^[\x20-\x5d\x5f-\x7d]{1,48}$/

export const barcodeSchema = z.discriminatedUnion('symbology', [
  z.object({ symbology: z.literal('code128'), data: z.string().regex(CODE128_TEXT) }),
  /** The 13 digits, check digit included. */
  z.object({ symbology: z.literal('ean13'), data: z.string().regex(/^[0-9]{13}$/) }),
  /** The element string in brackets, as printed under the bars: `(01)…(17)…(10)…(21)…`. */
  z.object({
    symbology: z.literal('gs1-128'),
    data: z
      .string()
      .max(120)
      .regex(/^(\([0-9]{2,4}\)[\x21-\x27\x2a-\x7a]+)+$/)
  })
])
export type Barcode = z.infer<typeof barcodeSchema>

const line = z.string().max(120)

export const labelSchema = z.object({
  kind: z.enum(['item', 'location', 'receipt', 'test']),
  barcode: barcodeSchema,
  /** The largest line: an item's name, a location's name. */
  title: line,
  /** Smaller lines under it: SKU or vendor id, where, lot and expiry. */
  lines: z.array(line).max(3)
})
export type Label = z.infer<typeof labelSchema>

/** Label stock: its size and the printer's resolution (dots per inch). */
export const labelSizeSchema = z.object({
  widthMm: z.number().min(15).max(200),
  heightMm: z.number().min(10).max(300),
  dpi: z.union([z.literal(152), z.literal(203), z.literal(300), z.literal(600)])
})
export type LabelSize = z.infer<typeof labelSizeSchema>

/** 2.25 × 1.25 in (57 × 32 mm) at 203 dpi: the most common direct-thermal stock on a warehouse desk. */
export const DEFAULT_LABEL_SIZE: LabelSize = { widthMm: 57, heightMm: 32, dpi: 203 }
