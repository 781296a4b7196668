export const MAX_BATCH_QUANTITY = 1_000_000

/** Why a quantity cannot be recorded, in words for the person at the scanner; undefined when it can. */
export function batchQuantityProblem(quantity: number): string | undefined {
  if (!Number.isFinite(quantity)) return 'Enter how many were made.'
  if (quantity <= 0) return 'A batch records what was made: enter a quantity above zero.'
  if (quantity > MAX_BATCH_QUANTITY)
    return `${quantity.toLocaleString()} is more than one batch can be; check the quantity.`
  if (Math.round(quantity * 1e6) !== quantity * 1e6) return 'Use at most six decimal places.'
  return undefined
}
