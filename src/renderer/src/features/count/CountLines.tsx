import { useServices } from '../../app/services-context'
import { ActionIcon, Badge, Menu, Table, Text } from '@mantine/core'
import { IconDots, IconFlag, IconFlagOff, IconRepeat } from '@tabler/icons-react'
import { memo, useLayoutEffect } from 'react'
import { markForRecount } from '../../count/lines'
import { lineShown } from '../../scan/scan-timing'
import { ItemCell } from './ItemCell'
import { formatQty, formatVariance } from './format'
import type { CountLineView, NotCountedView, Waiting } from './use-count-data'

export type RowStatus = 'expected' | 'found' | 'unexpected' | 'zeroed'

export function lineStatus(line: CountLineView['line']): RowStatus {
  if (line.zeroed) return 'zeroed'
  return line.expected > 0 ? 'found' : 'unexpected'
}

const STATUS_BADGE: Record<RowStatus, { label: string; color: string }> = {
  expected: { label: 'expected', color: 'gray' },
  found: { label: 'found', color: 'teal' },
  unexpected: { label: 'not expected here', color: 'orange' },
  zeroed: { label: 'set to zero', color: 'red' }
}

function StatusBadge({ status }: { status: RowStatus }) {
  const { label, color } = STATUS_BADGE[status]
  return (
    <Badge
      size="sm"
      color={color}
      variant={status === 'expected' ? 'outline' : 'light'}
      data-testid="row-status"
    >
      {label}
    </Badge>
  )
}

/**
 * The lines of a count while counting, newest first, with big counted figures for the
 * floor; then, unless the count is blind, the stock expected there that no scan found yet.
 */
export const CountLines = memo(function CountLines({
  lines,
  waiting,
  showExpected,
  lastLineId,
  onRecount
}: {
  lines: CountLineView[]
  waiting: Waiting
  showExpected: boolean
  lastLineId: string | undefined
  onRecount: (line: CountLineView) => void
}) {
  // The scanned line is on top once drawn: that closes the scan's timing.
  useLayoutEffect(() => {
    const top = lines[0]?.line
    if (top) lineShown(top.id, top.counted)
  }, [lines])
  return (
    <Table verticalSpacing="xs" striped data-testid="count-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Item</Table.Th>
          <Table.Th ta="right">Counted</Table.Th>
          {showExpected && <Table.Th ta="right">Expected</Table.Th>}
          {showExpected && <Table.Th ta="right">Difference</Table.Th>}
          <Table.Th w={48} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((view) => (
          <LineRow
            key={view.line.id}
            view={view}
            showExpected={showExpected}
            last={view.line.id === lastLineId}
            onRecount={onRecount}
          />
        ))}
        {showExpected && waiting.first.map((view) => <ExpectedRow key={view.row.id} view={view} />)}
        {showExpected && waiting.count > waiting.first.length && (
          <Table.Tr>
            <Table.Td colSpan={5}>
              <Text size="sm" c="dimmed">
                …and {waiting.count - waiting.first.length} more items expected here; the review lists them
                all.
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  )
})

export function LineMenu({
  view,
  onRecount
}: {
  view: CountLineView
  onRecount: (line: CountLineView) => void
}) {
  const { db } = useServices()
  const { line, item } = view
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          aria-label={`Actions for ${item?.name ?? 'line'}`}
          data-testid="line-menu"
        >
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconRepeat size={16} />} onClick={() => onRecount(view)}>
          Recount…
        </Menu.Item>
        <Menu.Item
          leftSection={line.recount ? <IconFlagOff size={16} /> : <IconFlag size={16} />}
          onClick={() => void markForRecount(db, line.id, !line.recount)}
        >
          {line.recount ? 'Clear recount mark' : 'Mark for recount'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}

/** Same line as drawn: a scan re-draws its own row only, however many lines the count has. */
const sameLine = (a: CountLineView, b: CountLineView): boolean =>
  a.line === b.line ||
  (a.line.id === b.line.id &&
    a.line.counted === b.line.counted &&
    a.line.expected === b.line.expected &&
    a.line.recount === b.line.recount &&
    a.line.zeroed === b.line.zeroed &&
    a.item?.name === b.item?.name &&
    a.item?.sku === b.item?.sku &&
    a.item?.detail === b.item?.detail &&
    a.item?.unit === b.item?.unit &&
    a.lot?.lotNumber === b.lot?.lotNumber)

const LineRow = memo(
  function LineRow({
    view,
    showExpected,
    last,
    onRecount
  }: {
    view: CountLineView
    showExpected: boolean
    last: boolean
    onRecount: (line: CountLineView) => void
  }) {
    const { line, item, lot } = view
    const variance = line.counted - line.expected
    return (
      <Table.Tr
        data-testid="count-line"
        data-status={showExpected ? lineStatus(line) : undefined}
        data-sku={item?.sku}
        data-counted={line.counted}
        bg={last ? 'var(--mantine-color-green-light)' : undefined}
      >
        <Table.Td>
          <ItemCell item={item} lot={lot} fallback={line.itemKey}>
            {showExpected && <StatusBadge status={lineStatus(line)} />}
            {line.recount && (
              <Badge size="sm" color="orange" variant="light">
                recount
              </Badge>
            )}
          </ItemCell>
        </Table.Td>
        <Table.Td ta="right">
          <Text fz={28} fw={700} lh={1.1} data-testid="count-line-counted">
            {formatQty(line.counted)}
          </Text>
          {item?.unit && (
            <Text size="xs" c="dimmed">
              {item.unit}
            </Text>
          )}
        </Table.Td>
        {showExpected && (
          <Table.Td ta="right">
            <Text fz="lg">{formatQty(line.expected)}</Text>
          </Table.Td>
        )}
        {showExpected && (
          <Table.Td ta="right">
            <Text
              fz="lg"
              fw={600}
              c={
                variance === 0
                  ? 'dimmed'
                  : variance > 0
                    ? 'var(--mantine-color-blue-light-color)'
                    : 'var(--mantine-color-red-light-color)'
              }
            >
              {formatVariance(variance)}
            </Text>
          </Table.Td>
        )}
        <Table.Td>
          <LineMenu view={view} onRecount={onRecount} />
        </Table.Td>
      </Table.Tr>
    )
  },
  (a, b) =>
    a.showExpected === b.showExpected &&
    a.last === b.last &&
    a.onRecount === b.onRecount &&
    sameLine(a.view, b.view)
)

const ExpectedRow = memo(
  function ExpectedRow({ view: { row, item, lot } }: { view: NotCountedView }) {
    return (
      <Table.Tr data-testid="count-expected" data-status="expected" data-sku={item?.sku}>
        <Table.Td>
          <ItemCell item={item} lot={lot} fallback={row.itemKey} dimmed>
            <StatusBadge status="expected" />
          </ItemCell>
        </Table.Td>
        <Table.Td ta="right">
          <Text fz={28} fw={700} lh={1.1} c="dimmed">
            —
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          <Text fz="lg">{formatQty(row.onHand)}</Text>
        </Table.Td>
        <Table.Td />
        <Table.Td />
      </Table.Tr>
    )
  },
  (a, b) =>
    a.view.row.id === b.view.row.id &&
    a.view.row.onHand === b.view.row.onHand &&
    a.view.item === b.view.item &&
    a.view.lot === b.view.lot
)
