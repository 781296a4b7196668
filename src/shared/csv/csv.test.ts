import { describe, expect, it } from 'vitest'
import { readCsv, writeCsv } from './csv'

describe('csv', () => {
  it('reads back what it writes: commas, quotes and line breaks inside fields', () => {
    const rows = [
      ['code', 'name', 'n'],
      ['00123', 'Bolt, "hex"\r\nM8', 4]
    ]
    const text = writeCsv(rows)
    expect(text).toBe('"code","name","n"\r\n"00123","Bolt, ""hex""\r\nM8",4\r\n')
    expect(readCsv(text)).toEqual({
      ok: true,
      rows: [
        ['code', 'name', 'n'],
        ['00123', 'Bolt, "hex"\r\nM8', '4']
      ]
    })
  })

  it('takes files as spreadsheets save them: a byte-order mark, LF or CR endings, blank lines, empty fields', () => {
    expect(readCsv('\ufeffa,b\n\n1,\r2,"x"\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b'],
        ['1', ''],
        ['2', 'x']
      ]
    })
    expect(readCsv('a,b')).toEqual({ ok: true, rows: [['a', 'b']] })
  })

  it('says where a quote was left open', () => {
    expect(readCsv('a\n"b,c\nd')).toEqual({ ok: false, error: 'A quote opened on line 2 is never closed.' })
  })
})
