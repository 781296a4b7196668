/** GS1 dates (YYMMDD) and their two-digit years. */

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** GS1 two-digit year: within −49…+50 years of the reference year (GenSpecs 7.12). */
export function resolveGs1Year(yy: number, referenceYear: number): number {
  const century = referenceYear - (referenceYear % 100)
  const diff = yy - (referenceYear % 100)
  if (diff >= 51) return century - 100 + yy
  if (diff <= -50) return century + 100 + yy
  return century + yy
}

/** YYMMDD → ISO date, or `null` when it is not a real date. */
export function gs1DateToIso(
  yymmdd: string,
  referenceYear: number,
  dayZero: 'first' | 'last' = 'last'
): string | null {
  if (!/^[0-9]{6}$/.test(yymmdd)) return null
  const yy = Number(yymmdd.slice(0, 2))
  const mm = Number(yymmdd.slice(2, 4))
  const dd = Number(yymmdd.slice(4, 6))
  if (mm < 1 || mm > 12) return null
  const year = resolveGs1Year(yy, referenceYear)
  const dim = daysInMonth(year, mm)
  const day = dd === 0 ? (dayZero === 'last' ? dim : 1) : dd
  if (day > dim) return null
  return `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
