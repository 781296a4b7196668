import type { LabelSize } from './label'

/**
 * Where things go on a label, in millimetres from its top left corner: the
 * title, up to three lines under it, and the box the barcode is fitted into.
 * The PDF and the ZPL both follow this, and the on-screen preview draws it too.
 */
export interface LabelLayout {
  margin: number
  titleSize: number
  lineSize: number
  /** Top of the title, then of each line. */
  textTops: number[]
  barcode: { x: number; y: number; width: number; height: number }
}

export function labelLayout(size: LabelSize, lines: number): LabelLayout {
  const margin = Math.max(1.5, Math.min(3, size.widthMm * 0.04))
  const titleSize = Math.min(4, size.heightMm * 0.12)
  const lineSize = titleSize * 0.75
  const textTops = [margin]
  for (let i = 0; i < lines; i++) textTops.push(margin + titleSize * 1.15 + i * lineSize * 1.15)
  const textBottom = margin + titleSize * 1.15 + lines * lineSize * 1.15
  const y = textBottom + 0.5
  return {
    margin,
    titleSize,
    lineSize,
    textTops,
    barcode: { x: margin, y, width: size.widthMm - 2 * margin, height: size.heightMm - y - margin }
  }
}

export const MM_PER_INCH = 25.4
export const PT_PER_MM = 72 / MM_PER_INCH
