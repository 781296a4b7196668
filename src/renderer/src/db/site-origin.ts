/**
 * Transactions that apply what another PC shared through the site database.
 * Their changes are journaled like any other, marked `fromSite`, so main does
 * not share them back (which would echo a link between PCs for ever).
 */
const fromSite = new WeakSet<object>()

/** Marks a Dexie transaction's IndexedDB transaction as applying the site's changes. */
export function markFromSite(trans: { idbtrans: object }): void {
  fromSite.add(trans.idbtrans)
}

export const isFromSite = (idbTransaction: object): boolean => fromSite.has(idbTransaction)
