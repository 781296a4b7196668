import type { Banner } from './count-ui'
import type { CountLineView } from './use-count-data'

/**
 * The count's lines as the screen shows them: as last read from the replica, with
 * the line of the scan just committed on top. A committed scan carries its line, so
 * the count line shows it with the tone and banner, in the same frame, instead of
 * after the lines are read again. The line read back from the replica takes over
 * as soon as it is as new.
 *
 * `events` is one higher while the committed scan is not yet in what was read.
 */
export function withCommitted(
  lines: CountLineView[],
  events: number,
  banner: Banner | null
): { lines: CountLineView[]; events: number } {
  if (banner?.content.status !== 'counted') return { lines, events }
  const { line, item, lot } = banner.content
  const read = lines.find((v) => v.line.id === line.id)
  if (read && read.line.updatedAt >= line.updatedAt) return { lines, events }
  return {
    lines: [{ line, item, lot }, ...lines.filter((v) => v !== read)],
    events: events + 1
  }
}
