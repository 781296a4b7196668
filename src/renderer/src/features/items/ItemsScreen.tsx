import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import { Badge, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core'
import { itemDetail, itemRef } from '../../../../shared/model/item-identity'
import { IconBox, IconSearch } from '@tabler/icons-react'
import { memo, useCallback, useLayoutEffect, useState } from 'react'
import type { Item } from '../../../../shared/model/records'
import { parseScan } from '../../../../shared/scan'
import { playTone } from '../../scan/feedback'
import { measureSpan } from '../../scan/scan-timing'
import { useScanner } from '../../scan/scanner'
import { refuseScan } from '../shell/use-global-scanner'
import { useScannerSettings } from '../../scan/scanner-settings'
import { useUi } from '../../stores/ui'
import { EmptyState } from '../shell/EmptyState'
import { rowKeys } from '../shell/row-keys'
import { ScreenHeader } from '../shell/ScreenHeader'
import { ItemDetail } from './ItemDetail'
import { LowStockView } from './LowStockView'
import { BarcodeLinksView } from './BarcodeLinksView'
import { searchItems, SEARCH_LIMIT } from './search'
import { useItemSearch } from './use-item-search'
import { useItemTotal } from './use-item-total'
import { useSync } from '../../stores/sync'
import { plural } from '../../../../shared/plural'

/**
 * A sync writes a page every few hundred milliseconds while this screen is
 * open, so it is split by what each page can change: the total re-renders
 * alone, the results table only when the listed items change, and a row only
 * when what it shows changes. Re-rendering the whole table per page cost a
 * full sync a fifth of its speed.
 */
export function ItemsScreen() {
  const { db } = useServices()
  // Every keystroke searches at once (no debounce): the search is indexed and capped, so it keeps up.
  const [text, setText] = useState('')
  const openKey = useUi((s) => s.openItemKey)
  const openItem = useUi((s) => s.openItem)
  const low = useUi((s) => s.itemsView.low)
  const links = useUi((s) => !s.itemsView.low && s.itemsView.links === true)
  const setView = useUi((s) => s.setItemsView)
  // The results carry the text they answer, so the screen (and a benchmark) can tell them from older ones.
  const found = useItemSearch(text)
  const items = found?.items
  // A scan on this screen searches for what was scanned, and opens the item when only one matches.
  useScanner(async (code) => {
    const scan = parseScan(code, { prefixes: useScannerSettings.getState().prefixes })
    if (!scan.ok) return refuseScan(scan.error)
    setView({ low: false })
    setText(scan.code)
    const found = await searchItems(db, scan.code, 2)
    if (found.length === 1) openItem(found[0]!.key)
    playTone(found.length === 1 ? 'ok' : 'unknown')
  })
  const open = useCallback((key: string) => openItem(key), [openItem])

  return (
    <>
      <ItemsHeader />
      <SegmentedControl
        size="xs"
        mb="sm"
        data={[
          { value: 'all', label: 'All items' },
          { value: 'low', label: 'Low stock' },
          { value: 'links', label: 'Barcode links' }
        ]}
        value={low ? 'low' : links ? 'links' : 'all'}
        onChange={(v) => setView(v === 'low' ? { low: true } : { low: false, links: v === 'links' })}
        data-testid="items-view"
      />
      {low ? (
        <LowStockView onOpen={open} />
      ) : links ? (
        <BarcodeLinksView />
      ) : text.trim() === '' && found?.query.trim() === '' && items?.length === 0 ? (
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
            <Text c="dimmed" data-testid="no-match" data-query={found?.query}>
              Nothing matches “{found?.query}”. Check the code, or search by name.
            </Text>
          ) : (
            <ItemResults items={items ?? []} query={found?.query} foundAt={found?.at} onOpen={open} />
          )}
        </>
      )}
      <ItemDetail itemKey={openKey} onClose={() => openItem(null)} />
    </>
  )
}

function ItemsHeader() {
  const total = useItemTotal()
  const count = useConnections().length
  const syncing = useSync((s) => s.running)
  const across = `across ${plural(count, 'connection')}`
  // The total is counted every few seconds while a sync writes: never "0 items" beside a list of them.
  const held =
    syncing && !total
      ? `Items are arriving: the sync is running ${across}.`
      : `${total === undefined ? 'Counting' : total.toLocaleString()} items ${across}${syncing ? ' so far, while the sync runs' : ''}.`
  return <ScreenHeader title="Items" subtitle={`${held} Search by scan, SKU, name or barcode.`} />
}

const ItemResults = memo(function ItemResults({
  items,
  query,
  foundAt,
  onOpen
}: {
  items: Item[]
  query: string | undefined
  /** When the search answered (`performance.now()`), so drawing its results is measured. */
  foundAt: number | undefined
  onOpen: (key: string) => void
}) {
  useLayoutEffect(() => {
    if (foundAt !== undefined) measureSpan('search:render', foundAt)
  }, [foundAt])
  const connections = useConnections()
  const label = (cid: string) => connections.find((c) => c.id === cid)?.label ?? cid
  return (
    <>
      {query?.trim() && (
        <Text size="sm" mb="xs" data-testid="item-match-count">
          {items.length < SEARCH_LIMIT
            ? `${plural(items.length, 'item')} ${items.length === 1 ? 'matches' : 'match'}, best match first.`
            : `More than ${SEARCH_LIMIT} items match; the ${SEARCH_LIMIT} best are shown.`}
        </Text>
      )}
      <Table highlightOnHover striped data-testid="item-results" data-query={query}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU or id</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>On hand</Table.Th>
            <Table.Th>Connection</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, i) => (
            <ItemRow
              key={item.key}
              first={i === 0}
              itemKey={item.key}
              sku={itemRef(item)}
              detail={itemDetail(item)}
              name={item.name}
              onHand={item.onHand}
              unit={item.unit}
              minLevel={item.minLevel}
              connection={label(item.connectionId)}
              onOpen={onOpen}
            />
          ))}
        </Table.Tbody>
      </Table>
      {items.length === SEARCH_LIMIT && (
        <Text size="xs" c="dimmed" mt="xs">
          Showing the first {SEARCH_LIMIT}; type more to narrow down.
        </Text>
      )}
    </>
  )
})

/** Plain props only, so memo skips a row whose shown values did not change. */
const ItemRow = memo(function ItemRow(p: {
  /** The list's one Tab stop until a row is focused (see rowKeys). */
  first: boolean
  itemKey: string
  sku: string
  detail?: string | undefined
  name: string
  onHand: number | undefined
  unit: string | undefined
  minLevel: number | undefined
  connection: string
  onOpen: (key: string) => void
}) {
  const low = p.minLevel !== undefined && p.onHand !== undefined && p.onHand <= p.minLevel
  return (
    <Table.Tr
      {...rowKeys(() => p.onOpen(p.itemKey), `${p.sku} ${p.name}`, { first: p.first })}
      data-testid="item-row"
    >
      <Table.Td ff="monospace">{p.sku}</Table.Td>
      <Table.Td>
        {p.name}
        {p.detail && (
          <Text span size="xs" c="dimmed" data-testid="item-tells-apart">
            {' · '}
            {p.detail}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          {/* 0 on hand is a number a person must see: red, never an empty cell beside "low". */}
          <Text
            span
            fw={p.onHand === 0 ? 700 : undefined}
            c={p.onHand === 0 ? 'var(--mantine-color-red-light-color)' : undefined}
            data-testid="item-on-hand"
          >
            {p.onHand === undefined ? '—' : p.onHand.toLocaleString()}
          </Text>
          {p.unit && (
            <Text span size="xs" c="dimmed">
              {p.unit}
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
          {p.connection}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
})
