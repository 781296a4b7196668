import { linkLabel } from '../../count/barcode-links'
import { formatDate } from '../../util/format'
import { useServices } from '../../app/services-context'
import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title
} from '@mantine/core'
import { IconLink, IconTag } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { gtinOf } from '../../../../shared/labels/build'
import { planItemLabels } from '../../labels/item-labels'
import { ReceiptLabelButton } from '../labels/ReceiptLabelButton'
import { usePrintDialog } from '../labels/use-print-dialog'
import { MuteSwitch } from '../shell/MuteSwitch'
import { VendorRecord } from '../shell/VendorRecord'
import { itemPicture } from './item-picture'

/** One item: stock per location/bin, lots with expiry (earliest first), and the vendor's record as received. */
export function ItemDetail({ itemKey, onClose }: { itemKey: string | null; onClose: () => void }) {
  const { db } = useServices()
  const labels = usePrintDialog()
  const data = useLiveQuery(async () => {
    if (!itemKey) return null
    const item = await db.items.get(itemKey)
    if (!item) return null
    const stock = await db.stock.where('itemKey').equals(itemKey).toArray()
    const lots = (await db.lots.where('itemKey').equals(itemKey).toArray()).sort((a, b) =>
      (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999')
    )
    const pending = await db.overlays.where('itemKey').equals(itemKey).toArray()
    const locationKeys = [
      ...new Set([...stock.map((s) => s.locationKey), ...pending.map((p) => p.locationKey)])
    ]
    const locations = await db.locations.bulkGet(locationKeys)
    const parents = await db.locations.bulkGet(locations.map((l) => l?.parentKey ?? ''))
    const name = new Map<string, string>()
    locations.forEach((l, i) => {
      if (!l) return
      const parent = parents[i]
      name.set(l.key, parent ? `${parent.name} › ${l.name}` : l.name)
    })
    const lotNumber = new Map(lots.map((l) => [l.key, l]))
    const linked = await db.barcodeLinks.where('itemKey').equals(item.key).toArray()
    return {
      linked,
      pending,
      item,
      stock,
      lots,
      name,
      lotNumber,
      soon: Date.now() + 14 * 86_400_000
    }
  }, [itemKey])

  const picture = data ? itemPicture(data.item.raw) : undefined
  const low =
    data?.item.minLevel !== undefined &&
    data.item.onHand !== undefined &&
    data.item.onHand <= data.item.minLevel
  const pendingAt = new Map((data?.pending ?? []).map((p) => [p.locationKey, p.onHand]))
  return (
    <Drawer
      opened={itemKey !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={data?.item.name ?? ''}
    >
      {data && (
        <Stack data-testid="item-detail">
          <Group align="flex-start" wrap="nowrap">
            {picture && (
              <Image
                src={picture}
                alt={data.item.name}
                w={120}
                h={120}
                fit="contain"
                radius="sm"
                data-testid="item-picture"
              />
            )}
            <SimpleGrid cols={2} spacing="xs" style={{ flex: 1 }} data-testid="item-facts">
              <Fact
                label="On hand"
                value={`${data.item.onHand?.toLocaleString() ?? '—'} ${data.item.unit ?? ''}`}
              />
              <Fact
                label="Minimum"
                value={data.item.minLevel !== undefined ? data.item.minLevel.toLocaleString() : 'none set'}
                warn={low}
              />
              <Fact label="Locations" value={String(new Set(data.stock.map((s) => s.locationKey)).size)} />
              <Fact
                label="Waiting to send"
                value={String(data.pending.length)}
                warn={data.pending.length > 0}
              />
            </SimpleGrid>
          </Group>
          <Group gap="xs">
            <Badge variant="light" ff="monospace">
              {data.item.sku}
            </Badge>
            {data.item.codes
              .filter((c) => c !== data.item.sku.toUpperCase())
              .map((c) => (
                <Badge key={c} variant="outline" ff="monospace">
                  {c}
                </Badge>
              ))}
            {data.linked.map((l) => (
              <Badge
                key={l.key}
                variant="outline"
                color="teal"
                ff="monospace"
                leftSection={<IconLink size={12} />}
                title="Linked by hand on this site (Items › Barcode links)"
                data-testid="item-linked-code"
              >
                {linkLabel(l)}
              </Badge>
            ))}
            {data.item.tracking !== 'none' && <Badge color="grape">{data.item.tracking} tracked</Badge>}
            {low && <Badge color="orange">low</Badge>}
            <Button
              size="xs"
              variant="light"
              ml="auto"
              leftSection={<IconTag size={14} />}
              onClick={() =>
                labels.open(`Item label: ${data.item.name}`, () => planItemLabels(db, [data.item]))
              }
              data-testid="item-print-label"
            >
              Print label
            </Button>
          </Group>
          {data.item.minLevel !== undefined && data.item.minLevel > 0 && (
            <MuteSwitch muteKey={data.item.key} kind="item" label="Notify me when this item runs low" />
          )}
          {/* A sentence, not a badge: a badge's one line cut it to "…CONFIR" in the drawer. */}
          {data.pending.map((p) => (
            <Alert key={p.key} color="blue" variant="light" p="xs" data-testid="item-pending">
              Counted {p.onHand.toLocaleString()} at{' '}
              {data.name.get(p.locationKey) ?? p.locationKey.split(':').pop()}: waiting for the vendor to
              confirm.
            </Alert>
          ))}
          <Title order={5}>Stock by location</Title>
          {data.stock.length === 0 ? (
            <Text c="dimmed" size="sm">
              No stock recorded anywhere.
            </Text>
          ) : (
            <Table data-testid="item-stock">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>On hand</Table.Th>
                  <Table.Th>Available</Table.Th>
                  {pendingAt.size > 0 && <Table.Th>Counted, to confirm</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.stock.map((s, i) => (
                  <Table.Tr key={s.key}>
                    <Table.Td>{data.name.get(s.locationKey) ?? s.locationKey.split(':').pop()}</Table.Td>
                    <Table.Td>{s.lotKey ? (data.lotNumber.get(s.lotKey)?.lotNumber ?? '') : ''}</Table.Td>
                    <Table.Td>{s.onHand.toLocaleString()}</Table.Td>
                    <Table.Td>{s.available?.toLocaleString() ?? '—'}</Table.Td>
                    {pendingAt.size > 0 && (
                      <Table.Td
                        fw={700}
                        c="var(--mantine-color-blue-light-color)"
                        data-testid="item-stock-pending"
                      >
                        {/* Once per place (the count is for the item there, lots together). */}
                        {data.stock.findIndex((x) => x.locationKey === s.locationKey) === i
                          ? (pendingAt.get(s.locationKey)?.toLocaleString() ?? '')
                          : ''}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {data.lots.length > 0 && (
            <>
              <Title order={5}>Lots (first to expire first)</Title>
              <Table data-testid="item-lots">
                <Table.Tbody>
                  {data.lots.map((l) => (
                    <Table.Tr key={l.key}>
                      <Table.Td ff="monospace">{l.lotNumber}</Table.Td>
                      <Table.Td>
                        {l.expiry ? formatDate(l.expiry) : 'no expiry'}{' '}
                        {l.expiry && Date.parse(l.expiry) < data.soon && (
                          <Badge color="red" size="xs">
                            expires soon
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{l.quantity ?? ''}</Table.Td>
                      <Table.Td>{l.status ?? ''}</Table.Td>
                      <Table.Td>
                        {gtinOf(data.item) && (
                          <ReceiptLabelButton db={db} lot={l} itemName={data.item.name} open={labels.open} />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          <VendorRecord raw={data.item.raw} testId="item-raw" />
        </Stack>
      )}
      {labels.dialog}
    </Drawer>
  )
}

/** One figure people look for first, large enough to read at arm's length. */
function Fact({ label, value, warn }: { label: string; value: string; warn?: boolean }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} c={warn ? 'orange' : undefined}>
        {value}
      </Text>
    </Paper>
  )
}
