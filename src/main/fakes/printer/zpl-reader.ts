/**
 * What a ZPL job would print, read the way the fake printer needs it: each
 * label's text fields and barcode fields, with ^FH hex escapes decoded. Only the
 * commands Stockroom sends are understood.
 */
export interface PrintedBarcode {
  /** `BC` (Code 128, GS1-128 in mode D) or `BE` (EAN-13). */
  command: 'BC' | 'BE'
  /** The ^BC mode parameter (`D` for GS1-128), when given. */
  mode?: string
  /** The field data as sent (for ^BC, `><` stands for `>`). */
  data: string
}

export interface PrintedLabel {
  texts: string[]
  barcodes: PrintedBarcode[]
}

function unhex(data: string): string {
  const bytes: number[] = []
  for (let i = 0; i < data.length; i++) {
    if (data[i] === '_' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
      bytes.push(parseInt(data.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...new TextEncoder().encode(data[i]!))
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

export function readZpl(job: string): PrintedLabel[] {
  const labels: PrintedLabel[] = []
  for (const format of job.split('^XA').slice(1)) {
    const body = format.split('^XZ')[0] ?? ''
    const label: PrintedLabel = { texts: [], barcodes: [] }
    // Fields run from a field origin to ^FS; the commands before ^FD say what the field is.
    for (const field of body.split('^FS')) {
      const at = field.indexOf('^FD')
      if (at < 0) continue
      const head = field.slice(0, at)
      const data = field.slice(at + 3)
      const bc = /\^B([CE])N,[^^]*/.exec(head)
      if (bc) {
        const params = bc[0].split(',')
        const mode = bc[1] === 'C' ? params[5] : undefined
        label.barcodes.push({ command: `B${bc[1]}` as 'BC' | 'BE', ...(mode && { mode }), data })
      } else label.texts.push(head.includes('^FH') ? unhex(data) : data)
    }
    labels.push(label)
  }
  return labels
}
