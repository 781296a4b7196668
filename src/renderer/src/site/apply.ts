import { barcodeLinkKey, type BarcodeLink } from '../../../shared/model/records'
import type { SiteChangeForPc } from '../../../shared/host-api/site'
import type { StockroomDb } from '../db/db'
import { markFromSite } from '../db/site-origin'

/**
 * Applies what other PCs shared through the site database to this replica,
 * in the site's order, in one transaction marked as coming from the site (so
 * it is journaled, never shared back):
 * - a link (or its removal) of a code: the later link of a code wins;
 * - a claim: another PC included this PC's count at a location in the count it
 *   sent, so this count is over here (handed over, never sent from this PC).
 */
export async function applySiteChanges(
  db: StockroomDb,
  changes: readonly SiteChangeForPc[],
  now: () => Date = () => new Date()
): Promise<void> {
  if (changes.length === 0) return
  await db.transaction('rw', [db.barcodeLinks, db.counts], async (tx) => {
    markFromSite(tx)
    for (const ch of changes) {
      if (ch.kind === 'link') {
        const key = barcodeLinkKey(ch.connectionId, ch.code)
        const here = await db.barcodeLinks.get(key)
        if (here && here.linkedAt > ch.linkedAt) continue
        const row: BarcodeLink = {
          key,
          connectionId: ch.connectionId,
          code: ch.code,
          itemKey: ch.itemKey,
          linkedAt: ch.linkedAt,
          ...(ch.linkedOn !== undefined && { linkedOn: ch.linkedOn }),
          ...(ch.pack && { pack: ch.pack })
        }
        await db.barcodeLinks.put(row)
      } else if (ch.kind === 'unlink') {
        const key = barcodeLinkKey(ch.connectionId, ch.code)
        if (await db.barcodeLinks.get(key)) await db.barcodeLinks.delete(key)
      } else {
        for (const id of ch.sessions) {
          const count = await db.counts.get(id)
          if (!count || count.state === 'submitted') continue
          await db.counts.update(id, {
            state: 'submitted',
            submittedAt: now().toISOString(),
            outcome: 'handed-over',
            includedBy: ch.pc
          })
        }
      }
    }
  })
}
