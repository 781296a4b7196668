import type { CountLine, CountSession } from '../../../shared/model/records'

const keyOfLine = (v: { itemKey: string; lotKey?: string }) => `${v.itemKey}|${v.lotKey ?? ''}`

/**
 * The vendor instant each line's expected quantity stands for: the line's own baseline,
 * else the replica's sync as the count started (lines brought in or set to zero), by the
 * vendor's clock. Lines with neither (counts made before baselines were kept) get none.
 * Returns the earliest of a write's lines: what changed at the vendor since is asked
 * before the write first leaves.
 */
export function countBaselines(
  lines: CountLine[],
  session: CountSession,
  skew: number | undefined
): (of: { itemKey: string; lotKey?: string }[]) => string | undefined {
  const fallback = session.replicaSyncedAt
    ? new Date(Date.parse(session.replicaSyncedAt) + (skew ?? 0)).toISOString()
    : undefined
  const byLine = new Map<string, string>()
  for (const l of lines) {
    const at = l.baselineAt ?? fallback
    if (at) byLine.set(keyOfLine(l), at)
  }
  return (of) =>
    of
      .map((l) => byLine.get(keyOfLine(l)))
      .reduce<string | undefined>((m, a) => (a && (!m || a < m) ? a : m), undefined)
}
