import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib'
import type { Label, LabelSize } from '../../shared/labels/label'
import { drawBarcode } from './draw'
import { labelLayout, PT_PER_MM } from '../../shared/labels/layout'

/** Text the standard PDF fonts cannot show (outside Windows-1252) is shown as "?" rather than failing. */
function showable(font: PDFFont, text: string): string {
  let out = ''
  for (const ch of text) {
    try {
      font.encodeText(ch)
      out += ch
    } catch {
      out += '?'
    }
  }
  return out
}

/** Shortens text with "…" until it fits the width (points). */
function fit(font: PDFFont, text: string, size: number, width: number): string {
  let t = text
  while (t.length > 1 && font.widthOfTextAtSize(t, size) > width) t = `${t.slice(0, -2)}…`
  return t
}

/**
 * A PDF with one page per label, each page exactly the label's size, so any
 * printer prints it 1:1 ("actual size"). Each barcode is the PNG bwip-js drew,
 * fitted into the layout's box without changing its proportions.
 */
export async function labelsPdf(labels: Label[], size: LabelSize): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(`Stockroom labels (${labels.length})`)
  doc.setCreator('Stockroom')
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const regular = await doc.embedFont(StandardFonts.Helvetica)
  const w = size.widthMm * PT_PER_MM
  const h = size.heightMm * PT_PER_MM
  for (const label of labels) {
    const page = doc.addPage([w, h])
    const layout = labelLayout(size, label.lines.length)
    const texts = [label.title, ...label.lines]
    texts.forEach((text, i) => {
      const font = i === 0 ? bold : regular
      const sizePt = (i === 0 ? layout.titleSize : layout.lineSize) * PT_PER_MM
      const top = layout.textTops[i]! * PT_PER_MM
      const shown = fit(font, showable(font, text), sizePt, w - 2 * layout.margin * PT_PER_MM)
      page.drawText(shown, {
        x: layout.margin * PT_PER_MM,
        y: h - top - sizePt * 0.8,
        size: sizePt,
        font,
        color: rgb(0, 0, 0)
      })
    })
    const box = layout.barcode
    const drawn = await drawBarcode(label.barcode, box)
    const image = await doc.embedPng(drawn.png)
    const scale = Math.min((box.width * PT_PER_MM) / drawn.widthPx, (box.height * PT_PER_MM) / drawn.heightPx)
    const iw = drawn.widthPx * scale
    const ih = drawn.heightPx * scale
    page.drawImage(image, {
      x: box.x * PT_PER_MM + (box.width * PT_PER_MM - iw) / 2,
      y: h - (box.y + box.height) * PT_PER_MM,
      width: iw,
      height: ih
    })
  }
  return doc.save()
}
