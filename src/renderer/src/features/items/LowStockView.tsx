import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import { Badge, Group, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core'
import { itemRef } from '../../../../shared/model/item-identity'
import { IconCircleCheck } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useUi } from '../../stores/ui'
import { EmptyState } from '../shell/EmptyState'
import { rowKeys } from '../shell/row-keys'
import { lowStockItems, type LowBar } from './low-stock'

/** How many low items the list shows; the chart counts them all. */
const SHOWN = 500

/** Items at or below their minimum, the emptiest first, with a chart of where they stand. */
export function LowStockView({ onOpen }: { onOpen: (key: string) => void }) {
  const { db } = useServices()
  const view = useUi((s) => s.itemsView)
  const setView = useUi((s) => s.setItemsView)
  const connections = useConnections()
  const connectionId = view.low ? view.connectionId : undefined
  const data = useLiveQuery(() => lowStockItems(db, connectionId), [connectionId])
  const label = (cid: string) => connections.find((c) => c.id === cid)?.label ?? cid

  return (
    <Stack gap="sm" data-testid="low-stock">
      <Group justify="space-between">
        <Text size="sm" data-testid="low-stock-total">
          {data
            ? `${data.rows.length.toLocaleString()} item${data.rows.length === 1 ? '' : 's'} at or below the minimum`
            : 'Reading…'}
        </Text>
        <Select
          size="xs"
          aria-label="Connection"
          data={[
            { value: '', label: 'All connections' },
            ...connections.map((c) => ({ value: c.id, label: c.label }))
          ]}
          value={connectionId ?? ''}
          onChange={(v) => setView({ low: true, ...(v && { connectionId: v }) })}
          allowDeselect={false}
        />
      </Group>
      {data && data.rows.length === 0 ? (
        <EmptyState icon={IconCircleCheck} title="Nothing is low">
          Items whose stock drops to or below their minimum are listed here, the emptiest first.
        </EmptyState>
      ) : (
        data && (
          <>
            <LowChart bars={data.bars} label={label} />
            <Table highlightOnHover striped data-testid="low-stock-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>On hand</Table.Th>
                  <Table.Th>Minimum</Table.Th>
                  <Table.Th>Short by</Table.Th>
                  <Table.Th>Where</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.slice(0, SHOWN).map(({ item, shortfall, locations }, i) => (
                  <Table.Tr
                    key={item.key}
                    {...rowKeys(() => onOpen(item.key), `${item.sku} ${item.name}`, { first: i === 0 })}
                    data-testid="low-row"
                  >
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {itemRef(item)}
                    </Table.Td>
                    <Table.Td>{item.name}</Table.Td>
                    <Table.Td>
                      <Badge color={item.onHand === 0 ? 'red' : 'orange'} variant="light">
                        {item.onHand}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{item.minLevel}</Table.Td>
                    <Table.Td>{shortfall}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {label(item.connectionId)} · {locations.join(', ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {data.rows.length > SHOWN && (
              <Text size="xs" c="dimmed">
                Showing the {SHOWN} emptiest of {data.rows.length.toLocaleString()}.
              </Text>
            )}
          </>
        )
      )}
    </Stack>
  )
}

/** Low items per connection and location, as bars: people would rather look than read. */
function LowChart({ bars, label }: { bars: LowBar[]; label: (cid: string) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.count))
  const byConnection = new Map<string, LowBar[]>()
  for (const b of bars) byConnection.set(b.connectionId, [...(byConnection.get(b.connectionId) ?? []), b])
  return (
    <Paper withBorder p="sm" data-testid="low-stock-chart">
      <Stack gap={6}>
        {[...byConnection].map(([cid, list]) => (
          <Stack key={cid} gap={4}>
            <Title order={6}>{label(cid)}</Title>
            {list.map((b) => (
              <Group key={b.location} gap="sm" wrap="nowrap" data-testid="low-stock-bar">
                <Text size="xs" w={220} truncate>
                  {b.location}
                </Text>
                <Progress value={(b.count / max) * 100} color="orange" size="lg" style={{ flex: 1 }} />
                <Text size="xs" w={48} ta="right">
                  {b.count.toLocaleString()}
                </Text>
              </Group>
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}
