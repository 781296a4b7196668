import { Badge, Button, Group, Kbd, Stack, Table, Text, TextInput } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useLiveQuery } from 'dexie-react-hooks'
import { useRef, useState } from 'react'
import { parseScan } from '../../../../shared/scan/parse-scan'
import { useServices } from '../../app/services-context'
import { useConnections } from '../../app/use-connections'
import { findOrder } from '../../receiving/receiving'
import { useScanner } from '../../scan/scanner'
import {
  checkedOf,
  checkScan,
  dispatchShipment,
  openCheck,
  packShipment,
  shortLines
} from '../../shipping/shipping'
import { DockBanner, useDockNote } from '../dock/DockBanner'
import { connectionsTaking, NoCapability } from '../dock/NoCapability'
import { ReceiptStatus } from '../receiving/ReceiptStatus'
import { ScreenHeader } from '../shell/ScreenHeader'

const CARRIER_KEY = 'stockroom.carrier'

/**
 * Shipment checking: scan the shipment's number, then each item (a wrong item or
 * a surplus is refused with the error sound); pack when every line is checked
 * (a short line is named); then scan the carrier label's tracking number to dispatch.
 */
export function ShippingScreen() {
  const { db } = useServices()
  const connections = useConnections()
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [carrier, setCarrier] = useState(() => localStorage.getItem(CARRIER_KEY) ?? '')
  const [note, show] = useDockNote()
  const data = useLiveQuery(async () => {
    const session = sessionId ? await db.dockSessions.get(sessionId) : undefined
    const shipment = session && (await db.orders.get(session.orderKey))
    const waiting = (await db.orders.where('status').anyOf('PICKING', 'PICKED', 'PACKED').toArray()).filter(
      (o) => o.direction === 'out'
    )
    return { session, shipment, waiting }
  }, [db, sessionId])

  // The shipment being checked, set the moment it opens: the item scanned right after its number
  // is checked against it, even before the screen has drawn it.
  const checking = useRef<string | null>(null)
  const choose = (id: string | null) => {
    checking.current = id
    setSessionId(id)
  }
  const packed = data?.shipment?.status === 'PACKED'
  useScanner(async (code) => {
    const scan = parseScan(code)
    const session = checking.current ? await db.dockSessions.get(checking.current) : undefined
    const shipment = session && (await db.orders.get(session.orderKey))
    if (session && shipment) {
      if (shipment.status !== 'PACKED') {
        const r = await checkScan(db, session.id, code)
        return show(
          r.status === 'checked' ? 'ok' : 'error',
          r.words + (r.status === 'checked' && r.done ? ' — all checked: Ctrl + Enter packs' : '')
        )
      }
      // Packed: the scan is the carrier label's tracking number.
      if (carrier.trim() === '')
        return show('error', 'Type the carrier first, then scan the tracking number.')
      const tracking = scan.ok ? scan.code : code.trim()
      const r = await dispatchShipment(db, shipment.key, carrier, tracking)
      if (!r.ok) return show('error', r.error.message)
      localStorage.setItem(CARRIER_KEY, carrier.trim())
      return show('ok', `Dispatch queued: ${carrier.trim()} ${tracking}`)
    }
    const next = scan.ok ? await findOrder(db, scan.code, 'out') : undefined
    if (!next)
      return show(
        'error',
        `${scan.ok ? scan.code : code} is no shipment waiting here: scan the shipment number.`
      )
    const r = await openCheck(db, next.key)
    if (r.ok) {
      choose(r.value.id)
      show('location', `${next.number}: scan each item`)
    } else show('error', r.error.message)
  })

  const pack = async () => {
    if (!checking.current) return
    const r = await packShipment(db, checking.current)
    show(
      r.ok ? 'ok' : 'error',
      r.ok
        ? `Packed ${data?.shipment?.number ?? 'the shipment'}: type the carrier, then scan the tracking number.`
        : r.error.message
    )
  }
  useHotkeys([['mod+Enter', () => void pack()]], [])

  if (!data) return null
  const able = connectionsTaking(connections, 'pack')
  const { session, shipment } = data
  const short = session && shipment ? shortLines(shipment, session) : []
  return (
    <Stack data-testid="shipping-screen">
      <ScreenHeader title="Shipping" />
      {able.length === 0 ? (
        <NoCapability connections={connections} kind="pack" />
      ) : (
        <>
          <DockBanner note={note} idle="Scan the shipment number to check it." />
          {!shipment || !session ? (
            <Text c="dimmed" data-testid="shipments-waiting">
              {data.waiting.length} shipments waiting:{' '}
              {data.waiting
                .slice(0, 12)
                .map((s) => s.number)
                .join(', ')}
            </Text>
          ) : (
            <>
              <Group justify="space-between">
                <Text size="lg" fw={600}>
                  {shipment.number} {shipment.customer && `· ${shipment.customer}`}
                </Text>
                <Badge size="lg" data-testid="shipment-status">
                  {shipment.status}
                </Badge>
              </Group>
              {short.length > 0 && (
                <Text size="sm" data-testid="shipment-short">
                  Still short: {short.join('; ')}
                </Text>
              )}
              <Table data-testid="shipment-lines" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Item</Table.Th>
                    <Table.Th>To ship</Table.Th>
                    <Table.Th>Checked</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shipment.lines.map((l) => (
                    <Table.Tr key={l.lineId ?? l.itemKey} data-testid="shipment-line">
                      <Table.Td>{l.label ?? l.itemKey}</Table.Td>
                      <Table.Td>{l.ordered}</Table.Td>
                      <Table.Td data-testid="shipment-line-checked">
                        {checkedOf(session, l.lineId ?? '')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {session.entryIds.map((id) => (
                <ReceiptStatus key={id} entryId={id} />
              ))}
              <Group align="flex-end">
                {!packed ? (
                  <Button onClick={() => void pack()} data-testid="shipment-pack">
                    Pack <Kbd ml="xs">Ctrl + Enter</Kbd>
                  </Button>
                ) : (
                  <TextInput
                    label="Carrier (then scan the tracking number; scan again to correct it while packed)"
                    value={carrier}
                    onChange={(e) => setCarrier(e.currentTarget.value)}
                    data-testid="shipment-carrier"
                    autoFocus
                    w={420}
                  />
                )}
                <Button variant="default" onClick={() => choose(null)}>
                  Another shipment
                </Button>
              </Group>
            </>
          )}
        </>
      )}
    </Stack>
  )
}
