/**
 * Bounds on every message that crosses the host boundary. A message may come
 * from any local process (WebSocket) or a compromised page (IPC); nothing in it
 * may make main recurse or allocate without limit.
 */

/** Largest host message in bytes; larger ones get a clear error. */
export const MAX_MESSAGE_BYTES = 1024 * 1024

/**
 * Deepest nesting of arrays and objects in a payload. Real payloads (a vendor
 * cursor included) are a few levels deep; recursive validators and serialisers
 * overflow the stack somewhere past a few thousand.
 */
export const MAX_MESSAGE_DEPTH = 64

/**
 * Whether `value` nests arrays or objects deeper than `max`. Iterative, so a
 * payload nested a million deep is measured without overflowing the stack.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth + 1 > max) return true
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}
