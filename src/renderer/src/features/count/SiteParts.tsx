import { Alert, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useServices } from '../../app/services-context'
import { formatParts } from '../../count/counters'
import { siteReview, type SiteReview } from '../../site/review'
import { useSite } from '../../stores/site'
import type { CountSession } from '../../../../shared/model/records'
import { formatQty } from './format'

/**
 * Other PCs' parts of this location's count, from the site database, summed
 * with this PC's line by line and read again whenever main says the site
 * changed: what Submit will send for the whole location. Nothing shows where no
 * site database is set.
 */
export function SiteParts({ session }: { session: CountSession }) {
  const { db, host, pcName } = useServices()
  const revision = useSite((s) => s.revision)
  const [review, setReview] = useState<{ r: SiteReview; names: Map<string, string> } | null>(null)
  useEffect(() => {
    let live = true
    void (async () => {
      const here = (await pcName()) ?? 'This PC'
      const r = await siteReview(db, host, session.id, here)
      const keys = r.state === 'ok' ? r.lines.map((l) => l.itemKey) : []
      const items = await db.items.bulkGet(keys)
      const names = new Map(items.flatMap((i) => (i ? [[i.key, `${i.sku} ${i.name}`] as const] : [])))
      if (live) setReview({ r, names })
    })().catch(() => undefined)
    return () => {
      live = false
    }
  }, [db, host, pcName, session.id, revision])
  const r = review?.r
  if (!review || !r || r.state === 'off') return null
  if (r.state === 'unreachable')
    return (
      <Alert color="orange" data-testid="review-site-unreachable">
        The site database is unreachable: other PCs’ parts of this location are not shown, and Submit sends
        this PC’s part only.
      </Alert>
    )
  const { lines, pcs } = r
  if (pcs.length === 0) return null
  // The lines other PCs have a part in.
  const shared = lines.filter((l) => l.parts.some((p, i) => i > 0 || pcs.includes(p.counter)))
  return (
    <Alert color="blue" title={`Also counted here on ${pcs.join(', ')}`} data-testid="review-site-parts">
      <Text size="sm" mb="xs">
        From the site database, live. Submit sums these parts in: one difference per item is sent from this
        PC, and {pcs.length === 1 ? 'that PC’s count is' : 'those PCs’ counts are'} then included.
      </Text>
      <Table>
        <Table.Tbody>
          {shared.map((l) => (
            <Table.Tr key={l.lineId} data-testid="review-site-row">
              <Table.Td>{review.names.get(l.itemKey) ?? l.itemKey}</Table.Td>
              <Table.Td ta="right">{formatParts(l.parts, l.total, formatQty)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  )
}
