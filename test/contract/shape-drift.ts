import type { VendorId } from '../../src/shared/model/vendor'
import type { ExpectedReplica, VendorFake, VendorHarness } from './conformance'

/**
 * Shape drift: where a vendor's page leaves a record's shape open, the fake is
 * told (through its `reshape` fault) to send the alternatives that page allows —
 * numeric ids, other names of a field, optional parts left out — and the
 * replica must still equal the vendor. Each variant is chosen per record from
 * the record's own id, so the expectation can say which records were sent which
 * way without reading the connector's mapping.
 */
export interface ShapeDrift<TData = unknown> {
  vendor: VendorId
  harness: VendorHarness<TData>
  /** Tells the fake to send the alternatives; the tally fills as pages are answered. */
  send(fake: VendorFake<TData>): Tally
  /** What the replica holds when the vendor sent its records that way. */
  expected(fake: VendorFake<TData>, cid: string): ExpectedReplica
}

/** How many records were sent in each variant. */
export class Tally {
  readonly counts = new Map<string, number>()
  add(variant: string): void {
    this.counts.set(variant, (this.counts.get(variant) ?? 0) + 1)
  }
  /** Counts `variant` once and gives back the record sent that way. */
  as<T>(variant: string, record: T): T {
    this.add(variant)
    return record
  }
  /** "numeric ids ×1,234; name as productName ×400; …" */
  toString(): string {
    return [...this.counts].map(([v, n]) => `${v} ×${n.toLocaleString('en')}`).join('; ')
  }
}

/** The record with some fields renamed (`{ from: to }`); the others as they were, in their order. */
export function renamed(r: Record<string, unknown>, names: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [names[k] ?? k, v]))
}

/** The record without some fields. */
export function without(r: Record<string, unknown>, ...fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([k]) => !fields.includes(k)))
}

export const toSnake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
export const toCamel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
export const toPascal = (k: string) => toCamel(k).replace(/^[a-z]/, (c) => c.toUpperCase())

/** Every key of the record (not nested ones) spelt another way. */
export function recased(r: Record<string, unknown>, spell: (k: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [spell(k), v]))
}

/**
 * An expectation with its keys changed (ids sent as numbers change the keys
 * Stockroom makes) and, per record, some fields overridden.
 */
export function reworked(
  expected: ExpectedReplica,
  key: (k: string) => string,
  fields: (table: string, key: string, f: Record<string, unknown>) => Record<string, unknown> = (_, __, f) =>
    f
): ExpectedReplica {
  const out: ExpectedReplica = {}
  for (const [table, records] of Object.entries(expected) as [
    keyof ExpectedReplica,
    Map<string, Record<string, unknown>>
  ][]) {
    const map = new Map<string, Record<string, unknown>>()
    for (const [k, f] of records) {
      const fixed = Object.fromEntries(
        Object.entries(f).map(([name, v]) => [
          name,
          typeof v === 'string' && name.endsWith('Key') ? key(v) : v
        ])
      )
      map.set(key(k), fields(table, k, fixed))
    }
    out[table] = map
  }
  return out
}
