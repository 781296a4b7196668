import { Badge, Group, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconBox, IconSearch } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { getDb } from '../../db/db'
import { useScanner } from '../../scan/scanner'
import { useUi } from '../../stores/ui'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'
import { ItemDetail } from './ItemDetail'
import { searchItems, SEARCH_LIMIT } from './search'
import { useItemTotal } from './use-item-total'

export function ItemsScreen() {
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text, 120)
  const [openKey, setOpenKey] = useState<string | null>(null)
  const connections = useUi((s) => s.connections)
  const total = useItemTotal() ?? 0
  const items = useLiveQuery(() => searchItems(getDb(), query), [query])
  // A scan on this screen searches for what was scanned.
  useScanner((code) => setText(code))
  const label = (cid: string) => connections.find((c) => c.id === cid)?.label ?? cid

  return (
    <>
      <ScreenHeader
        title="Items"
        subtitle={`${total.toLocaleString()} items across ${connections.length} connection${connections.length === 1 ? '' : 's'}. Search by scan, SKU, name or barcode.`}
      />
      {text.trim() === '' && query.trim() === '' && items?.length === 0 ? (
        <EmptyState icon={IconBox} title="No items yet">
          Items from your connected systems appear here after the first sync. Scan a barcode or type a SKU or
          name to find one, even with the network down.
        </EmptyState>
      ) : (
        <>
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder="SKU, name or barcode"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-label="Search items"
            data-testid="item-search"
            mb="sm"
          />
          {items && items.length === 0 ? (
            <Text c="dimmed" data-testid="no-match">
              Nothing matches “{query}”. Check the code, or search by name.
            </Text>
          ) : (
            <Table highlightOnHover striped data-testid="item-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>On hand</Table.Th>
                  <Table.Th>Connection</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(items ?? []).map((item) => {
                  const low =
                    item.minLevel !== undefined && item.onHand !== undefined && item.onHand <= item.minLevel
                  return (
                    <Table.Tr
                      key={item.key}
                      onClick={() => setOpenKey(item.key)}
                      style={{ cursor: 'pointer' }}
                      data-testid="item-row"
                    >
                      <Table.Td ff="monospace">{item.sku}</Table.Td>
                      <Table.Td>{item.name}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          {item.onHand ?? '—'}{' '}
                          {item.unit && (
                            <Text span size="xs" c="dimmed">
                              {item.unit}
                            </Text>
                          )}
                          {low && (
                            <Badge color="orange" size="xs">
                              low
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {label(item.connectionId)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          )}
          {items?.length === SEARCH_LIMIT && (
            <Text size="xs" c="dimmed" mt="xs">
              Showing the first {SEARCH_LIMIT}; type more to narrow down.
            </Text>
          )}
        </>
      )}
      <ItemDetail itemKey={openKey} onClose={() => setOpenKey(null)} />
    </>
  )
}
