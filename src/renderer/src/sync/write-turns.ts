/**
 * One sync write transaction at a time across every connection, in the order
 * they asked (first come, first served, so connections take turns page slice
 * by page slice). On a 2-core PC the replica's writes go one after another in
 * IndexedDB anyway; queueing them here instead keeps at most one in front of
 * a person's scan.
 */
let tail: Promise<void> = Promise.resolve()

export function takeWriteTurn<T>(run: () => Promise<T>): Promise<T> {
  const turn = tail.then(run)
  tail = turn.then(
    () => undefined,
    () => undefined
  )
  return turn
}
