import { Badge, Button, Group, Kbd, Modal, Stack, Table, Text, TextInput } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { vendorProfiles } from '../../../../shared/vendors/profiles'
import { useServices } from '../../app/services-context'
import { generateSerials } from '../../receiving/receive-scan'
import { pendingReceipts, scannedOf, submitReceiving } from '../../receiving/receiving'
import type { Tone } from '../../scan/tone'
import { DockBanner, type DockNote } from '../dock/DockBanner'
import { ReceiptStatus } from './ReceiptStatus'

/**
 * One purchase order at the dock: every scan adds to its line (lot, expiry,
 * serial and count from the GS1 label), a bin label sends what follows to that
 * bin, an item not on the order is refused with the error sound. Ctrl + Enter
 * sends what was received as one receipt through the outbox.
 */
/** A scan that would take a line past what was ordered: asked once, then taken or not. */
export interface OverReceipt {
  raw: string
  lineId: string
  words: string
}

export function ReceivingSession({
  sessionId,
  note,
  show,
  over,
  answerOver,
  onClose
}: {
  sessionId: string
  note: DockNote | null
  show: (tone: Tone, words: string) => void
  /** The over-receipt question open now; the screen takes the scans and asks it. */
  over: OverReceipt | null
  answerOver: (receive: boolean) => void
  onClose: () => void
}) {
  const { db } = useServices()
  const [remark, setRemark] = useState('')
  const data = useLiveQuery(async () => {
    const session = await db.dockSessions.get(sessionId)
    const order = session && (await db.orders.get(session.orderKey))
    if (!session || !order) return null
    const connection = await db.connections.get(session.connectionId)
    const items = await db.items.bulkGet(order.lines.map((l) => l.itemKey))
    const bin = session.binKey ? await db.locations.get(session.binKey) : undefined
    const binNames = new Map(
      (await db.locations.bulkGet([...new Set(session.lines.flatMap((l) => (l.binKey ? [l.binKey] : [])))]))
        .filter((l) => l !== undefined)
        .map((l) => [l.key, l.name])
    )
    return { session, order, connection, items, bin, binNames, pending: await pendingReceipts(db, order.key) }
  }, [db, sessionId])

  const open = data?.session.state === 'open'

  const submit = async () => {
    const r = await submitReceiving(db, sessionId, remark.trim())
    if (r.ok) show('ok', `Receipt queued: ${r.value.description}`)
    else show('error', r.error.message)
  }
  useHotkeys([['mod+Enter', () => open && void submit()]], [])

  if (!data) return null
  const { session, order } = data
  const profile = data.connection && vendorProfiles[data.connection.vendor]
  const canGenerate = profile?.workflow?.receipt?.generatesSerials === true
  const tracking = new Map(data.items.filter((i) => i !== undefined).map((i) => [i.key, i]))
  const entryId = session.entryIds.at(-1)
  return (
    <Stack data-testid="receiving-session" data-order={order.number}>
      <Group justify="space-between">
        <Text size="lg" fw={600}>
          {order.number}
          {order.supplier && ` · ${order.supplier}`}
        </Text>
        <Badge size="lg" variant="light" data-testid="receiving-bin">
          {data.bin ? `Into bin ${data.bin.name}` : 'Into the default bin — scan a bin label to choose'}
        </Badge>
      </Group>
      <DockBanner note={note} idle={open ? 'Scan each item (GS1 labels give lot, expiry and serial).' : ''} />
      {entryId && <ReceiptStatus entryId={entryId} />}
      <Table data-testid="receiving-lines" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Ordered</Table.Th>
            <Table.Th>Received before</Table.Th>
            <Table.Th>Pending</Table.Th>
            <Table.Th>Now</Table.Th>
            <Table.Th>Lot · expiry · bin</Table.Th>
            <Table.Th>Serials</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((l) => {
            const lineId = l.lineId ?? l.itemKey
            const rows = session.lines.filter((r) => r.lineId === lineId)
            const item = tracking.get(l.itemKey)
            const now = scannedOf(session, lineId)
            const serialLine = item?.tracking === 'serial'
            const serials = rows.reduce((n, r) => n + (r.serials?.length ?? 0), 0)
            const generated = rows.some((r) => r.generateSerials)
            return (
              <Table.Tr key={lineId} data-testid="receiving-line" data-sku={item?.sku ?? ''}>
                <Table.Td>{l.label ?? (item ? `${item.sku} ${item.name}` : l.itemKey)}</Table.Td>
                <Table.Td>{l.ordered}</Table.Td>
                <Table.Td>{l.received ?? 0}</Table.Td>
                <Table.Td data-testid="receiving-line-pending">{data.pending.get(lineId) ?? 0}</Table.Td>
                <Table.Td data-testid="receiving-line-now" fw={now > 0 ? 700 : undefined}>
                  {now}
                </Table.Td>
                <Table.Td>
                  {rows
                    .map((r) =>
                      [r.lot, r.expiry && `exp ${r.expiry}`, r.binKey && data.binNames.get(r.binKey)]
                        .filter(Boolean)
                        .join(' · ')
                    )
                    .filter(Boolean)
                    .join('; ')}
                </Table.Td>
                <Table.Td data-testid="receiving-line-serials">
                  {!serialLine ? (
                    ''
                  ) : generated ? (
                    'generated by the vendor'
                  ) : (
                    <Group gap="xs">
                      <Text size="sm">
                        {serials} of {now}
                      </Text>
                      {open && canGenerate && now > serials && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => void generateSerials(db, sessionId, lineId)}
                        >
                          Generate serials
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Group>
        {open && (
          <>
            <TextInput
              label="Note for the receipt (optional)"
              value={remark}
              onChange={(e) => setRemark(e.currentTarget.value)}
              w={360}
            />
            <Button onClick={() => void submit()} data-testid="receiving-submit">
              Send receipt <Kbd ml="xs">Ctrl + Enter</Kbd>
            </Button>
          </>
        )}
        <Button variant="default" onClick={onClose} data-testid="receiving-back">
          {open ? 'Back to orders (kept)' : 'Done'}
        </Button>
      </Group>
      <Modal opened={over !== null} onClose={() => answerOver(false)} title="More than ordered" centered>
        <Stack>
          <Text data-testid="over-receipt-words">{over?.words}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => answerOver(false)}>
              Do not receive
            </Button>
            <Button data-autofocus data-testid="over-receipt-confirm" onClick={() => answerOver(true)}>
              Receive more than ordered
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
