import { toBuffer, type RenderOptions } from 'bwip-js/node'
import type { Barcode } from '../../shared/labels/label'

/** bwip-js's name for each symbology Stockroom prints. */
const BCID: Record<Barcode['symbology'], string> = {
  code128: 'code128',
  ean13: 'ean13',
  'gs1-128': 'gs1-128'
}

/** Pixels per bar module: enough for a sharp print at 300 dpi when the PDF scales the image to the label. */
export const MODULE_PX = 3
/** Quiet zone either side of the bars, in modules. */
export const QUIET_MODULES = 10

/**
 * The one drawing of a barcode: bwip-js options. The preview, the PDF and the
 * round-trip test all go through {@link drawBarcode}, so they hold the same pixels.
 */
export function barcodeOptions(barcode: Barcode, heightMm = 12): RenderOptions {
  return {
    bcid: BCID[barcode.symbology],
    text: barcode.data,
    scale: MODULE_PX,
    height: heightMm,
    includetext: true,
    textxalign: 'center',
    textsize: 9,
    // A quiet zone either side (10 modules) and a white ground: scanners need both.
    paddingwidth: QUIET_MODULES,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF'
  }
}

export interface DrawnPng {
  png: Buffer
  widthPx: number
  heightPx: number
}

async function draw(options: RenderOptions): Promise<DrawnPng> {
  const png = await toBuffer(options)
  // PNG IHDR: width and height are the big-endian words at bytes 16 and 20.
  return { png, widthPx: png.readUInt32BE(16), heightPx: png.readUInt32BE(20) }
}

/** bwip-js draws at 72 units per inch before scaling: a module is one unit, a bar's height is in mm. */
const UNITS_PER_MM = 72 / 25.4

/**
 * Draws a barcode as a PNG with bwip-js. Given the box it goes into on the label
 * (mm), the bars are made as tall as the box's proportions allow, so the label's
 * width sets the bar width and nothing is squashed.
 */
export async function drawBarcode(
  barcode: Barcode,
  box?: { width: number; height: number }
): Promise<DrawnPng> {
  const first = await draw(barcodeOptions(barcode))
  if (!box) return first
  const units = first.widthPx / MODULE_PX
  const textUnits = first.heightPx / MODULE_PX - 12 * UNITS_PER_MM
  const barUnits = (box.height / box.width) * units - textUnits
  const heightMm = Math.max(4, Math.min(40, barUnits / UNITS_PER_MM))
  return Math.abs(heightMm - 12) < 0.1 ? first : draw(barcodeOptions(barcode, heightMm))
}
