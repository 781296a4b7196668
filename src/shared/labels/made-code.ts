/**
 * Codes Stockroom makes for items that carry no barcode. A made code is
 * `SR` + eight letters and digits, drawn from the item's key so that printing the
 * same item again gives the same code; when that code is already known (to any
 * item, link or location label of the replica, or to another label of the same
 * print), the next candidate is taken.
 *
 * The alphabet leaves out I, L, O and U (Crockford's base 32), so a code typed
 * from the label cannot mix up 1/I/L or 0/O, and the letters keep it from ever
 * reading as a GTIN.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const MADE_CODE = /^SR[0-9A-HJKMNP-TV-Z]{8}$/

/** FNV-1a, 32 bits. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** The n-th candidate code for an item (n = 0 first). */
export function madeCodeCandidate(itemKey: string, n: number): string {
  const a = fnv1a(`${itemKey}#${n}`)
  const b = fnv1a(`${n}#${itemKey}`, 0x01000193)
  let out = ''
  for (let i = 0; i < 4; i++) out += ALPHABET[(a >>> (i * 5)) & 31]
  for (let i = 0; i < 4; i++) out += ALPHABET[(b >>> (i * 5)) & 31]
  return `SR${out}`
}

/**
 * The first candidate of the item that `isTaken` does not know. `isTaken` is
 * asked with the code as a scan of it is looked up (upper case).
 */
export async function makeCode(
  itemKey: string,
  isTaken: (code: string) => Promise<boolean> | boolean,
  maxTries = 64
): Promise<string> {
  for (let n = 0; n < maxTries; n++) {
    const code = madeCodeCandidate(itemKey, n)
    if (!(await isTaken(code))) return code
  }
  throw new Error(`No free code found for ${itemKey} in ${maxTries} tries.`)
}
