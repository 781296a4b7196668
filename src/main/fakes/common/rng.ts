/**
 * Deterministic randomness for the fake vendors. Everything a fake generates comes from
 * a seed, so the same (seed, size) always gives the same dataset on every machine.
 */

/** mulberry32: a tiny, fast 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes numbers and strings into one 32-bit seed (FNV-1a over the parts, then an avalanche). */
export function hashSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${part}` : part
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
    h ^= 0xff
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Convenience wrapper over {@link mulberry32}. */
export class Rng {
  private readonly nextFloat: () => number

  constructor(seed: number) {
    this.nextFloat = mulberry32(seed)
  }

  /** Derives an independent stream, e.g. one per generated record, so records do not depend on each other. */
  static for(...parts: (number | string)[]): Rng {
    return new Rng(hashSeed(...parts))
  }

  next(): number {
    return this.nextFloat()
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1))
  }

  /** Float in [min, max) rounded to `decimals` places. */
  float(min: number, max: number, decimals = 2): number {
    const f = 10 ** decimals
    return Math.round((min + this.nextFloat() * (max - min)) * f) / f
  }

  chance(p: number): boolean {
    return this.nextFloat() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.nextFloat() * items.length)]
    if (item === undefined) throw new Error('Rng.pick on an empty list')
    return item
  }

  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0)
    let r = this.nextFloat() * total
    for (const [value, w] of options) {
      r -= w
      if (r < 0) return value
    }
    const last = options[options.length - 1]
    if (!last) throw new Error('Rng.weighted on an empty list')
    return last[0]
  }

  /** Lower-case base-36 string of `length` characters. */
  base36(length: number): string {
    let s = ''
    while (s.length < length) {
      const n = Math.min(6, length - s.length)
      s += Math.floor(this.nextFloat() * 36 ** n)
        .toString(36)
        .padStart(n, '0')
    }
    return s
  }
}
