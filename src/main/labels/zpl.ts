import type { Barcode, Label, LabelSize } from '../../shared/labels/label'
import { drawBarcode, MODULE_PX, QUIET_MODULES } from './draw'
import { labelLayout, MM_PER_INCH } from '../../shared/labels/layout'

/**
 * ZPL II for Zebra-compatible label printers. The barcodes are the printer's own
 * commands (^BC Code 128, ^BE EAN-13, ^BC mode D for GS1-128), so the printer
 * draws bars at its own resolution; Stockroom only places them.
 */

/** Field data escaped for ^FH: `_` introduces a hex byte; ^ and ~ would start a command. UTF-8 under ^CI28. */
function fieldHex(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (ch === '_' || ch === '^' || ch === '~' || code < 0x20 || code > 0x7e) {
      for (const byte of new TextEncoder().encode(ch))
        out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`
    } else out += ch
  }
  return out
}

/** Code 128 field data: `>` starts an invocation code in ^BC, so a literal one is `><`. */
export const code128Field = (data: string) => data.replace(/>/g, '><')

/** Bar modules across the symbol, quiet zones aside: measured on the same bwip-js drawing the PDF holds. */
async function modules(barcode: Barcode): Promise<number> {
  const drawn = await drawBarcode(barcode)
  return Math.round(drawn.widthPx / MODULE_PX) - 2 * QUIET_MODULES
}

function barcodeField(barcode: Barcode, height: number): string {
  switch (barcode.symbology) {
    case 'ean13':
      // ^BE takes the 12 digits; the printer adds the check digit.
      return `^BEN,${height},Y,N^FD${barcode.data.slice(0, 12)}^FS`
    case 'gs1-128':
      // Mode D: the printer puts FNC1 first and between variable-length elements, and prints the brackets.
      return `^BCN,${height},Y,N,N,D^FD${barcode.data}^FS`
    case 'code128':
      return `^BCN,${height},Y,N,N^FD${code128Field(barcode.data)}^FS`
  }
}

/** One label as a ZPL format (^XA … ^XZ). */
export async function labelZpl(label: Label, size: LabelSize): Promise<string> {
  const dots = (mm: number) => Math.round((mm * size.dpi) / MM_PER_INCH)
  const layout = labelLayout(size, label.lines.length)
  const out = ['^XA', '^CI28', `^PW${dots(size.widthMm)}`, `^LL${dots(size.heightMm)}`, '^LH0,0']
  const width = dots(size.widthMm - 2 * layout.margin)
  ;[label.title, ...label.lines].forEach((text, i) => {
    const h = dots(i === 0 ? layout.titleSize : layout.lineSize)
    out.push(
      `^FO${dots(layout.margin)},${dots(layout.textTops[i]!)}^A0N,${h},${h}^FB${width},1,0,L^FH^FD${fieldHex(text)}^FS`
    )
  })
  const box = layout.barcode
  const count = (await modules(label.barcode)) + 2 * QUIET_MODULES
  const module = Math.max(1, Math.min(6, Math.floor(dots(box.width) / count)))
  const x =
    dots(box.x) + Math.max(0, Math.floor((dots(box.width) - (count - 2 * QUIET_MODULES) * module) / 2))
  // The printer's interpretation line takes about a fifth of the box under the bars.
  const height = Math.max(20, Math.round(dots(box.height) * 0.72))
  out.push(`^BY${module},3,${height}`, `^FO${x},${dots(box.y)}${barcodeField(label.barcode, height)}`)
  out.push('^PQ1', '^XZ')
  return out.join('\n')
}

/** A print job: every label's format, one after another. */
export async function labelsZpl(labels: Label[], size: LabelSize): Promise<string> {
  const formats: string[] = []
  for (const l of labels) formats.push(await labelZpl(l, size))
  return `${formats.join('\n')}\n`
}
