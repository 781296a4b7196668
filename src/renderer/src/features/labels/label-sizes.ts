import { DEFAULT_LABEL_SIZE, type LabelSize } from '../../../../shared/labels/label'

/** Common label stock, for PDFs and for setting up a printer. */
export const LABEL_SIZES: { value: string; label: string; size: LabelSize }[] = [
  { value: '57x32', label: '57 × 32 mm (2.25 × 1.25 in)', size: DEFAULT_LABEL_SIZE },
  { value: '50x25', label: '50 × 25 mm (2 × 1 in)', size: { widthMm: 50, heightMm: 25, dpi: 203 } },
  { value: '76x51', label: '76 × 51 mm (3 × 2 in)', size: { widthMm: 76, heightMm: 51, dpi: 203 } },
  { value: '102x76', label: '102 × 76 mm (4 × 3 in)', size: { widthMm: 102, heightMm: 76, dpi: 203 } },
  { value: '102x152', label: '102 × 152 mm (4 × 6 in)', size: { widthMm: 102, heightMm: 152, dpi: 203 } }
]

export const sizeValue = (s: LabelSize) => `${s.widthMm}x${s.heightMm}`

export const sizeWords = (s: LabelSize) => `${s.widthMm} × ${s.heightMm} mm, ${s.dpi} dpi`

/** Saves bytes as a file the way a browser download does (Electron shows its save dialog). */
export function downloadBytes(filename: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
