import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'

let prepared = false

/** zxing-wasm, loaded from node_modules (never from its CDN). */
function prepare() {
  if (prepared) return
  const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
  prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasm).buffer as ArrayBuffer } })
  prepared = true
}

export interface Decoded {
  format: string
  /** What a scanner set to send its AIM symbology identifier types: `]C1` + data, FNC1 as GS. */
  scanned: string
  text: string
}

/** Every barcode a barcode reader library finds in an image file (PNG). */
export async function decodeImage(image: Uint8Array): Promise<Decoded[]> {
  prepare()
  const found = await readBarcodes(new Blob([image as Uint8Array<ArrayBuffer>], { type: 'image/png' }), {
    formats: [],
    tryHarder: true,
    textMode: 'Plain'
  })
  return found
    .filter((r) => r.isValid)
    .map((r) => ({ format: r.format, text: r.text, scanned: `${r.symbologyIdentifier}${r.text}` }))
}
