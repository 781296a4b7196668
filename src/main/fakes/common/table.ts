/**
 * In-memory tables with a shared change counter. List endpoints memoise their filtered,
 * sorted results per query until anything in the store changes, so paging through 100k
 * records sorts once, not once per page. That only holds if every change goes through
 * these methods (or calls {@link Versioned.changed}); records handed out are typed
 * read-only for that reason.
 */

const MEMO_LIMIT = 32

/** Owner of the change counter and the memo cache. */
export class Versioned {
  private ver = 0
  private readonly memos = new Map<string, unknown>()

  /** Incremented on every change. */
  get version(): number {
    return this.ver
  }

  /** Call after changing records in place outside the table methods. */
  changed(): void {
    this.ver++
    this.memos.clear()
  }

  /** Returns the cached value for `key`, computing it once per version. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T
    const value = compute()
    if (this.memos.size >= MEMO_LIMIT) {
      const oldest = this.memos.keys().next()
      if (!oldest.done) this.memos.delete(oldest.value)
    }
    this.memos.set(key, value)
    return value
  }
}

export class Table<T extends { id: string }> {
  private readonly rows = new Map<string, T>()

  constructor(private readonly owner: Versioned) {}

  get size(): number {
    return this.rows.size
  }

  get(id: string): Readonly<T> | undefined {
    return this.rows.get(id)
  }

  has(id: string): boolean {
    return this.rows.has(id)
  }

  values(): IterableIterator<Readonly<T>> {
    return this.rows.values()
  }

  /** All rows as an array (insertion order). */
  all(): Readonly<T>[] {
    return [...this.rows.values()]
  }

  insert(row: T): Readonly<T> {
    if (this.rows.has(row.id)) throw new Error(`duplicate id ${row.id}`)
    this.rows.set(row.id, row)
    this.owner.changed()
    return row
  }

  /** Changes a row in place; returns it, or undefined when there is no such row. */
  update(id: string, change: (row: T) => void): Readonly<T> | undefined {
    const row = this.rows.get(id)
    if (!row) return undefined
    change(row)
    this.owner.changed()
    return row
  }

  delete(id: string): boolean {
    const deleted = this.rows.delete(id)
    if (deleted) this.owner.changed()
    return deleted
  }

  /** Bulk load without bumping the version per row (generation). */
  load(rows: Iterable<T>): void {
    for (const row of rows) this.rows.set(row.id, row)
    this.owner.changed()
  }
}

export type SortDir = 'asc' | 'desc'

/**
 * Comparator on one key with an `id` tiebreaker in the same direction, so paging order is
 * total and stable. `null` sorts after every value in ascending order.
 */
export function compareBy<T extends { id: string }>(
  key: (row: T) => string | number | null,
  dir: SortDir
): (a: T, b: T) => number {
  const sign = dir === 'asc' ? 1 : -1
  return (a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka !== kb) {
      if (ka === null) return sign
      if (kb === null) return -sign
      return (ka < kb ? -1 : 1) * sign
    }
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign
  }
}

/** A fake's dataset: what it was generated from (seed, size, anchor day) and the vendor's clock. */
export class Dataset extends Versioned {
  constructor(
    readonly seed: number,
    readonly size: number,
    /** Generation anchor: start of the UTC day the fake started on; generated instants lie before it. */
    readonly anchor: number,
    private readonly clock: () => Date
  ) {
    super()
  }

  /** The fake's clock in epoch ms. */
  now(): number {
    return this.clock().getTime()
  }
}
