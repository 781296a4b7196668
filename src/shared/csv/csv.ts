/**
 * CSV as spreadsheets write and read it (RFC 4180): comma-separated, fields with
 * a comma, quote or line break in double quotes (a quote doubled), CRLF between
 * records. One reader and one writer for every CSV the app makes or takes.
 */

export type CsvCell = string | number

/**
 * One line per row. Text is always quoted, so a code such as 00123 or 1E5 stays
 * text when a spreadsheet opens the file; numbers are written bare.
 */
export function writeCsv(rows: CsvCell[][]): string {
  const cell = (v: CsvCell) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`)
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/**
 * Rows of text as written (no trimming, no type guessing). A byte-order mark is
 * dropped, CRLF, LF and CR all end a record, and blank lines are skipped. An
 * unclosed quote is an error in plain words: what follows it cannot be trusted.
 */
export function readCsv(text: string): { ok: true; rows: string[][] } | { ok: false; error: string } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let quoteLine = 0
  const endRecord = () => {
    row.push(field)
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
    field = ''
  }
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"' && field === '') {
      quoted = true
      quoteLine = line
    } else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && s[i + 1] === '\n') i++
      line++
      endRecord()
    } else field += ch
  }
  if (quoted) return { ok: false, error: `A quote opened on line ${quoteLine} is never closed.` }
  if (field !== '' || row.length > 0) endRecord()
  return { ok: true, rows }
}
