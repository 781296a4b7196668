import { notifications } from '@mantine/notifications'
import { parseScan, type ScanError } from '../../../../shared/scan'
import { itemRef } from '../../../../shared/model/item-identity'
import { useServices } from '../../app/services-context'
import { resolveCode } from '../../count/resolve'
import { activeCount } from '../../count/sessions'
import type { StockroomDb } from '../../db/db'
import { playTone } from '../../scan/feedback'
import { GLOBAL_PRIORITY, useScanner } from '../../scan/scanner'
import { useScannerSettings } from '../../scan/scanner-settings'

/** A scan that is not a barcode, on any screen: why, in words, with the error sound. */
export function refuseScan(error: ScanError): void {
  notifications.show({ color: 'red', title: 'Not a valid barcode', message: error.message })
  playTone('error')
}

/**
 * What a scan does where no screen takes scans: says what was scanned (or why it
 * was refused), with the same sounds as a count. The keys of the scan never land in
 * the focused field, whichever screen is open.
 */
export async function handleGlobalScan(db: StockroomDb, code: string): Promise<void> {
  const scan = parseScan(code, { prefixes: useScannerSettings.getState().prefixes })
  if (!scan.ok) return refuseScan(scan.error)
  const [found, open] = await Promise.all([resolveCode(db, scan.keys), activeCount(db)])
  const hint = open ? ' A count is open: go to Count to count what you scan.' : ''
  if (found.status === 'found') {
    const { item } = found
    notifications.show({
      color: 'green',
      title: item.name,
      message: `${itemRef(item) || 'No SKU'}${found.linked ? ' (by a linked code)' : ''} · on hand ${item.onHand ?? '—'}${item.unit ? ` ${item.unit}` : ''}.${hint}`
    })
    playTone('ok')
    return
  }
  notifications.show({
    color: 'orange',
    title:
      found.status === 'unknown'
        ? `Unknown code ${scan.code}`
        : `${found.items.length} items carry ${scan.code}`,
    message:
      (found.status === 'unknown'
        ? 'No item in any connection carries this code.'
        : found.items.map((i) => (itemRef(i) ? `${i.name} (${itemRef(i)})` : i.name)).join(', ')) + hint
  })
  playTone('unknown')
}

/** Mount once in the app shell: scanner bursts are caught on every screen. */
export function useGlobalScanner(): void {
  const { db } = useServices()
  useScanner((code) => void handleGlobalScan(db, code), true, GLOBAL_PRIORITY)
}
