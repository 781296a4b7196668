// Draws Stockroom's icons (a shelf with boxes on a teal tile) as PNGs, with no image
// tools: shapes are rasterised with 4×4 supersampling and written with zlib.
// Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources')

const TEAL = [31, 111, 120]
const WHITE = [255, 255, 255]
const AMBER = [242, 165, 65]
const BROWN = [201, 120, 36]

/** Shapes in unit coordinates, painted in order; `r` rounds the corners. */
const appIcon = [
  { x0: 0.04, y0: 0.04, x1: 0.96, y1: 0.96, r: 0.2, color: TEAL },
  // uprights and two shelves
  { x0: 0.18, y0: 0.2, x1: 0.24, y1: 0.84, r: 0.01, color: WHITE },
  { x0: 0.76, y0: 0.2, x1: 0.82, y1: 0.84, r: 0.01, color: WHITE },
  { x0: 0.18, y0: 0.46, x1: 0.82, y1: 0.51, r: 0.01, color: WHITE },
  { x0: 0.18, y0: 0.74, x1: 0.82, y1: 0.79, r: 0.01, color: WHITE },
  // boxes with a tape stripe
  { x0: 0.3, y0: 0.28, x1: 0.56, y1: 0.46, r: 0.015, color: AMBER },
  { x0: 0.41, y0: 0.28, x1: 0.45, y1: 0.36, r: 0, color: BROWN },
  { x0: 0.29, y0: 0.55, x1: 0.49, y1: 0.74, r: 0.015, color: AMBER },
  { x0: 0.37, y0: 0.55, x1: 0.41, y1: 0.63, r: 0, color: BROWN },
  { x0: 0.53, y0: 0.61, x1: 0.7, y1: 0.74, r: 0.015, color: AMBER }
]

/** Fewer, fatter shapes so the glyph still reads at 16 px. */
const trayIcon = [
  { x0: 0, y0: 0, x1: 1, y1: 1, r: 0.2, color: TEAL },
  { x0: 0.12, y0: 0.72, x1: 0.88, y1: 0.84, r: 0, color: WHITE },
  { x0: 0.25, y0: 0.3, x1: 0.75, y1: 0.72, r: 0.04, color: AMBER },
  { x0: 0.44, y0: 0.3, x1: 0.56, y1: 0.46, r: 0, color: BROWN }
]

function inside(s, x, y) {
  if (x < s.x0 || x > s.x1 || y < s.y0 || y > s.y1) return false
  const cx = Math.min(Math.max(x, s.x0 + s.r), s.x1 - s.r)
  const cy = Math.min(Math.max(y, s.y0 + s.r), s.y1 - s.r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= s.r ** 2
}

function render(shapes, size) {
  const SS = 4
  const rgba = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size
          const y = (py + (sy + 0.5) / SS) / size
          let hit = null
          for (const s of shapes) if (inside(s, x, y)) hit = s.color
          if (hit) {
            r += hit[0]
            g += hit[1]
            b += hit[2]
            a += 1
          }
        }
      }
      const i = (py * size + px) * 4
      if (a > 0) {
        rgba[i] = Math.round(r / a)
        rgba[i + 1] = Math.round(g / a)
        rgba[i + 2] = Math.round(b / a)
        rgba[i + 3] = Math.round((255 * a) / (SS * SS))
      }
    }
  }
  return encodePng(rgba, size)
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function encodePng(rgba, size) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const outputs = {
  'icon.png': render(appIcon, 512),
  'icons/512x512.png': render(appIcon, 512),
  'icons/256x256.png': render(appIcon, 256),
  'tray.png': render(trayIcon, 16),
  'tray@2x.png': render(trayIcon, 32)
}
for (const [name, png] of Object.entries(outputs)) {
  const file = join(root, name)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, png)
  console.log(`${name}: ${png.length} bytes`)
}
