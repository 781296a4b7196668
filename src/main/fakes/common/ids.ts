import { Rng } from './rng'

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'
const B4 = 36 ** 4

/**
 * Deterministic cuid-style ids: "c" + time (8) + counter (4) + fingerprint (4) + random (8),
 * 25 characters like `cmb7x1k2p0001a9f3q2z8k1mx`. The same seed and call order give the same ids.
 *
 * Built from char codes in one go: concatenated strings must be flattened again when they
 * become Map keys, which dominated generating 100k products.
 */
export class CuidFactory {
  private counter = 0
  private readonly rng: Rng
  private readonly codes: number[] = new Array<number>(25).fill(48)

  constructor(seed: number, stream: string) {
    this.rng = Rng.for(seed, 'cuid', stream)
    this.codes[0] = 99 // 'c'
    put(this.codes, 13, Math.floor(this.rng.next() * B4)) // fingerprint
  }

  next(atMs: number): string {
    const ms = Math.max(0, Math.floor(atMs))
    put(this.codes, 1, Math.floor(ms / B4) % B4)
    put(this.codes, 5, ms % B4)
    put(this.codes, 9, this.counter++ % B4)
    put(this.codes, 17, Math.floor(this.rng.next() * B4))
    put(this.codes, 21, Math.floor(this.rng.next() * B4))
    return String.fromCharCode(...this.codes)
  }
}

/** Writes four base-36 digits of `n` (< 36^4) at `offset`. */
function put(codes: number[], offset: number, n: number): void {
  for (let i = 3; i >= 0; i--) {
    codes[offset + i] = DIGITS.charCodeAt(n % 36)
    n = Math.floor(n / 36)
  }
}

/** Zero-padded document numbers: `numbered('PO', 42)` → `PO-00042`. */
export function numbered(prefix: string, n: number, width = 5): string {
  return `${prefix}-${String(n).padStart(width, '0')}`
}
