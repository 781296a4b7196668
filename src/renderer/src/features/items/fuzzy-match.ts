/** Slips allowed in a typed word: none in short ones (too many near misses), one from 4 letters, two from 8. */
export function slipsAllowed(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0
}

/**
 * How far the typed word is from matching somewhere inside `within`: the fewest
 * letters added, dropped or changed (0 = found as it is), or Infinity past the
 * slips allowed. Edit distance to the best-matching stretch of `within`
 * (Sellers): any start and end in `within` is free.
 */
export function fuzzyWordMatch(word: string, within: string): number {
  if (within.includes(word)) return 0
  const max = slipsAllowed(word)
  if (max === 0) return Infinity
  let prev = new Array<number>(within.length + 1).fill(0)
  for (let i = 1; i <= word.length; i++) {
    const row = [i]
    for (let j = 1; j <= within.length; j++) {
      const change = prev[j - 1]! + (word[i - 1] === within[j - 1] ? 0 : 1)
      row.push(Math.min(change, prev[j]! + 1, row[j - 1]! + 1))
    }
    prev = row
  }
  const best = Math.min(...prev)
  return best <= max ? best : Infinity
}
