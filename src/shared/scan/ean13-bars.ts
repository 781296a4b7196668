import { isValidGtin } from './gtin'

/**
 * The bars of an EAN-13 symbol, as 95 modules ('1' bar, '0' space), for drawing a
 * test label on screen. Pure; the quiet zones either side are the drawer's to leave.
 */
const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011'
]
/** Right-hand codes are the left-hand ones inverted; G codes are the right-hand ones reversed. */
const R = L.map((c) => [...c].map((b) => (b === '1' ? '0' : '1')).join(''))
const G = R.map((c) => [...c].reverse().join(''))
/** Which of the left six digits use G codes: this is how the first digit is carried. */
const PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL'
]

export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code) || !isValidGtin(code)) throw new Error(`${code} is not a valid EAN-13`)
  const d = [...code].map(Number)
  const parity = PARITY[d[0]!]!
  const left = d.slice(1, 7).map((n, i) => (parity[i] === 'G' ? G[n]! : L[n]!))
  const right = d.slice(7).map((n) => R[n]!)
  return `101${left.join('')}01010${right.join('')}101`
}
