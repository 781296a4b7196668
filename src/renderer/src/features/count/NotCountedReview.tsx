import { useServices } from '../../app/services-context'
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title
} from '@mantine/core'
import { IconFilter } from '@tabler/icons-react'
import { useState } from 'react'
import type { CountSession } from '../../../../shared/model/records'
import { chooseNotCounted, chooseNotCountedAll, recountNotCounted } from '../../count/not-counted'
import { ItemCell } from './ItemCell'
import { ZoneFilter } from './ZoneFilter'
import { zonesOf } from '../../count/zones'
import { formatQty } from './format'
import type { NotCountedView } from './use-count-data'

type Choice = 'leave' | 'zero' | 'recount'

const plural = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`

/** The rows whose item name, SKU, lot number or bin codes hold every word typed (case aside). */
function shownRows(rows: NotCountedView[], filter: string): NotCountedView[] {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return rows
  return rows.filter((r) => {
    const bins = (r.row.bins ?? []).map((b) => b.code).join(' ')
    const text = `${r.item?.name ?? ''} ${r.item?.sku ?? ''} ${r.lot?.lotNumber ?? ''} ${bins}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
}

/** Rows drawn at first: a warehouse can hold thousands of items no scan found. */
const PAGE = 100

/**
 * The location's stocked items that no scan found, each with a choice: leave as is
 * (nothing is sent), set to zero (a difference sent like any other, as the vendor's
 * profile means zero), or recount (type what is there now).
 */
export function NotCountedReview({ session, rows: all }: { session: CountSession; rows: NotCountedView[] }) {
  const { db } = useServices()
  const [error, setError] = useState<string | null>(null)
  const [recounting, setRecounting] = useState<NotCountedView | null>(null)
  const [limit, setLimit] = useState(PAGE)
  const [filter, setFilter] = useState('')
  const [zone, setZone] = useState<string | null>(null)
  if (all.length === 0) return null
  const typed = shownRows(all, filter)
  const rows = zone === null ? typed : typed.filter((r) => zonesOf(r.row).includes(zone))
  const zeroed = all.filter((r) => r.row.choice === 'zero')
  const items = new Set(all.map((r) => r.row.itemKey)).size

  const chooseAll = async (choice: 'leave' | 'zero') => {
    setError(null)
    try {
      const { refused } = await chooseNotCountedAll(
        db,
        session.id,
        rows.filter((r) => r.row.choice !== choice).map((r) => r.row),
        choice,
        zone === null ? {} : { zone }
      )
      if (refused.length > 0) {
        const first = all.find((v) => v.row.id === refused[0]!.row.id)?.item?.name
        setError(
          `${plural(refused.length, 'line')} ${refused.length === 1 ? 'was left as it was' : 'were left as they were'}` +
            `${first ? ` (${first}${refused.length > 1 ? ' and others' : ''})` : ''}: ${refused[0]!.reason}`
        )
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  const choose = async (view: NotCountedView, choice: Choice) => {
    setError(null)
    if (choice === 'recount') return setRecounting(view)
    try {
      await chooseNotCounted(db, session.id, view.row, choice)
    } catch (e) {
      setError(`${view.item?.name ?? 'This item'}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  return (
    <Stack gap="xs" data-testid="not-counted">
      <Group justify="space-between">
        <Title order={4} data-testid="not-counted-title">
          Not counted: {plural(all.length, 'line')} ({plural(items, 'item')}) stocked here that no scan found
        </Title>
        {zeroed.length > 0 && (
          <Badge color="red" variant="light" data-testid="not-counted-zeroed">
            {zeroed.length} set to zero
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Left as is, nothing is sent for them. Set to zero sends the difference, as for any counted line. A
        line is an item, or one lot of it.
      </Text>
      <Group gap="xs" data-testid="not-counted-bulk">
        <TextInput
          style={{ flex: 1, minWidth: 240 }}
          leftSection={<IconFilter size={16} />}
          aria-label="Show only lines matching"
          placeholder="Name, SKU, lot or bin"
          value={filter}
          onChange={(e) => {
            setFilter(e.currentTarget.value)
            setLimit(PAGE)
          }}
          data-testid="not-counted-filter"
        />
        <ZoneFilter
          locationKey={session.locationKey}
          lines={all.map((v) => v.row)}
          value={zone}
          onChange={(z) => {
            setZone(z)
            setLimit(PAGE)
          }}
        />
        <Button
          variant="light"
          color="red"
          disabled={rows.every((r) => r.row.choice === 'zero')}
          onClick={() => void chooseAll('zero')}
          data-testid="not-counted-zero-all"
        >
          Set all {rows.length === all.length ? '' : `${rows.length} `}shown to zero
        </Button>
        <Button
          variant="default"
          disabled={rows.every((r) => r.row.choice === 'leave')}
          onClick={() => void chooseAll('leave')}
          data-testid="not-counted-leave-all"
        >
          Leave all shown
        </Button>
      </Group>
      {rows.length < all.length && (
        <Text size="sm" data-testid="not-counted-shown">
          {plural(rows.length, 'line')} of {all.length} shown.
        </Text>
      )}
      {error && (
        <Alert color="red" data-testid="not-counted-error">
          {error}
        </Alert>
      )}
      <Table verticalSpacing={4} data-testid="not-counted-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Expected</Table.Th>
            <Table.Th ta="right">Difference</Table.Th>
            <Table.Th w={330} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, limit).map((view) => (
            <Table.Tr
              key={view.row.id}
              data-testid="not-counted-row"
              data-sku={view.item?.sku}
              data-choice={view.row.choice}
              bg={view.row.choice === 'zero' ? 'var(--mantine-color-red-light)' : undefined}
            >
              <Table.Td>
                <ItemCell item={view.item} lot={view.lot} fallback={view.row.itemKey}>
                  {view.row.bins && (
                    <Text size="sm" c="dimmed" data-testid="not-counted-bins">
                      {view.row.bins.length === 1 ? 'bin' : 'bins'}{' '}
                      {view.row.bins.map((b) => b.code).join(', ')}
                    </Text>
                  )}
                </ItemCell>
              </Table.Td>
              <Table.Td ta="right">
                <Text fz="lg">{formatQty(view.row.onHand)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text
                  fz="lg"
                  fw={600}
                  c={view.row.choice === 'zero' ? 'var(--mantine-color-red-light-color)' : 'dimmed'}
                >
                  {view.row.choice === 'zero' ? `−${formatQty(view.row.onHand)}` : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  value={view.row.choice}
                  onChange={(v) => void choose(view, v as Choice)}
                  data={[
                    { value: 'leave', label: 'Leave as is' },
                    { value: 'zero', label: 'Set to zero' },
                    { value: 'recount', label: 'Recount…' }
                  ]}
                  data-testid="not-counted-choice"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > limit && (
        <Button variant="subtle" onClick={() => setLimit((n) => n + PAGE * 5)} data-testid="not-counted-more">
          Show more ({rows.length - limit} not shown)
        </Button>
      )}
      <Modal opened={recounting !== null} onClose={() => setRecounting(null)} title="Recount" centered>
        {recounting && (
          <RecountMissing
            key={recounting.row.id}
            session={session}
            view={recounting}
            onDone={() => setRecounting(null)}
          />
        )}
      </Modal>
    </Stack>
  )
}

function RecountMissing({
  session,
  view,
  onDone
}: {
  session: CountSession
  view: NotCountedView
  onDone: () => void
}) {
  const { db } = useServices()
  const [value, setValue] = useState<string | number>('')
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        const quantity = typeof value === 'number' ? value : Number.NaN
        recountNotCounted(db, session.id, view.row, quantity).then(onDone, (err: unknown) =>
          setError(err instanceof Error ? err.message : String(err))
        )
      }}
    >
      <Stack>
        <Text fw={600}>{view.item?.name ?? view.row.itemKey}</Text>
        <NumberInput
          label="Counted now"
          description={`Expected ${formatQty(view.row.onHand)}. Enter 0 if none are there.`}
          value={value}
          onChange={setValue}
          min={0}
          data-autofocus
          error={error}
          data-testid="not-counted-recount-quantity"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" data-testid="not-counted-recount-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
