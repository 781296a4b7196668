import { Button, Stack, Table, Text } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { useRef, useState } from 'react'
import { parseScan } from '../../../../shared/scan/parse-scan'
import { useServices } from '../../app/services-context'
import { useConnections } from '../../app/use-connections'
import { findOrder, openReceiving, receivableOrders } from '../../receiving/receiving'
import { receiveScan } from '../../receiving/receive-scan'
import { DIALOG_PRIORITY, useScanner } from '../../scan/scanner'
import { DockBanner, useDockNote } from '../dock/DockBanner'
import { connectionsTaking, NoCapability } from '../dock/NoCapability'
import { ScreenHeader } from '../shell/ScreenHeader'
import { ReceivingSession, type OverReceipt } from './ReceivingSession'

/**
 * Receiving: scan (or pick) a purchase order, then its goods. Shown only where
 * a connection's vendor takes goods receipts; otherwise it says why.
 */
export function ReceivingScreen() {
  const { db } = useServices()
  const connections = useConnections()
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [note, show] = useDockNote()
  const data = useLiveQuery(async () => {
    const open = (await db.dockSessions.where('state').equals('open').toArray()).filter(
      (s) => s.kind === 'receive'
    )
    return { orders: await receivableOrders(db), open }
  }, [db])

  // The receiving open now, set the moment it opens: the item scanned right after the order's
  // number is received into it, even before the screen has drawn it.
  const receiving = useRef<string | null>(null)
  const choose = (id: string | null) => {
    receiving.current = id
    setSessionId(id)
  }
  const [over, setOver] = useState<OverReceipt | null>(null)

  const start = async (orderKey: string) => {
    const r = await openReceiving(db, orderKey)
    if (!r.ok) return show('error', r.error.message)
    choose(r.value.id)
    show('location', 'Scan each item; a bin label puts the items after it in that bin.')
  }

  const take = async (id: string, raw: string, confirmOver?: string) => {
    const outcome = await receiveScan(db, id, raw, confirmOver ? { confirmOver } : {})
    if (outcome.status === 'over') return setOver({ raw, lineId: outcome.lineId, words: outcome.words })
    show(outcome.status === 'refused' ? 'error' : outcome.status === 'bin' ? 'location' : 'ok', outcome.words)
  }

  useScanner(async (code) => {
    const open = receiving.current ? await db.dockSessions.get(receiving.current) : undefined
    if (open?.state === 'open') return take(open.id, code)
    // No receiving open (or the last one sent): the scan is the next order's number.
    const scan = parseScan(code)
    const order = scan.ok ? await findOrder(db, scan.code, 'in') : undefined
    if (!order)
      return show(
        'error',
        `${scan.ok ? scan.code : code} is no purchase order waiting here: scan the PO number.`
      )
    await start(order.key)
  }, over === null)
  // The over-receipt question takes no scan: it is answered with Enter or Escape.
  useScanner(
    () => show('error', 'Answer the question first (Enter: receive, Escape: do not).'),
    over !== null,
    DIALOG_PRIORITY
  )

  if (!data) return null
  const able = connectionsTaking(connections, 'receipt')
  return (
    <Stack data-testid="receiving-screen">
      <ScreenHeader title="Receiving" />
      {able.length === 0 ? (
        <NoCapability connections={connections} kind="receipt" />
      ) : sessionId ? (
        <ReceivingSession
          sessionId={sessionId}
          note={note}
          show={show}
          over={over}
          answerOver={(receive) => {
            setOver(null)
            if (receive && over) void take(sessionId, over.raw, over.lineId)
          }}
          onClose={() => choose(null)}
        />
      ) : (
        <>
          <DockBanner note={note} idle="Scan the purchase order’s number to receive it." />
          {data.orders.length === 0 ? (
            <Text c="dimmed">No purchase order is waiting to be received. Sync to bring new ones.</Text>
          ) : (
            <Table data-testid="receivable-orders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Order</Table.Th>
                  <Table.Th>Supplier</Table.Th>
                  <Table.Th>Expected</Table.Th>
                  <Table.Th>Lines</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.orders.map((o) => (
                  <Table.Tr key={o.key} data-testid="receivable-order">
                    <Table.Td ff="monospace">{o.number}</Table.Td>
                    <Table.Td>{o.supplier ?? ''}</Table.Td>
                    <Table.Td>{o.expectedAt?.slice(0, 10) ?? ''}</Table.Td>
                    <Table.Td>{o.lines.length}</Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="light" onClick={() => void start(o.key)}>
                        {data.open.some((s) => s.orderKey === o.key) ? 'Resume' : 'Receive'} {o.number}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  )
}
