import { formatDateTime } from '../../util/format'
import { useServices } from '../../app/services-context'
import { Anchor, Badge, Group, SegmentedControl, Table, Text } from '@mantine/core'
import { IconActivity } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { ActivityEntry, ActivityKind, ActivityLink } from '../../../../shared/model/records'
import { useUi } from '../../stores/ui'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'

const colour = { info: undefined, warning: 'orange', error: 'red' } as const
const SHOWN = 300

const kinds: { value: ActivityKind | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'sync', label: 'Syncs' },
  { value: 'low-stock', label: 'Low stock' },
  { value: 'write', label: 'Writes' },
  { value: 'connection', label: 'Connections' }
]
const kindLabel: Record<ActivityKind, string> = {
  sync: 'sync',
  'low-stock': 'low stock',
  write: 'write',
  connection: 'connection'
}

/** What Stockroom did, newest first, filterable by kind; each entry opens what it is about. */
export function ActivityScreen() {
  const { db } = useServices()
  const [kind, setKind] = useState<ActivityKind | 'all'>('all')
  const entries = useLiveQuery(
    () =>
      kind === 'all'
        ? db.activity.orderBy('id').reverse().limit(SHOWN).toArray()
        : // Equal index values are ordered by id: reversed, the newest come first.
          db.activity.where('kind').equals(kind).reverse().limit(SHOWN).toArray(),
    [kind],
    []
  )
  return (
    <>
      <ScreenHeader
        title="Activity"
        subtitle="What Stockroom did: syncs, low-stock warnings, sent writes, warnings and errors."
      />
      <SegmentedControl
        size="xs"
        mb="sm"
        data={kinds}
        value={kind}
        onChange={(v) => setKind(v as ActivityKind | 'all')}
        data-testid="activity-filter"
      />
      {entries.length === 0 ? (
        <EmptyState
          icon={IconActivity}
          title={kind === 'all' ? 'No activity yet' : 'Nothing of this kind yet'}
        >
          Syncs, sent writes, low-stock warnings and errors are listed here, newest first.
        </EmptyState>
      ) : (
        <Table striped data-testid="activity-list">
          <Table.Tbody>
            {entries.map((e) => (
              <Entry key={e.id} entry={e} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}

function Entry({ entry: e }: { entry: ActivityEntry }) {
  const follow = useFollow()
  return (
    <Table.Tr data-testid="activity-entry" data-kind={e.kind ?? ''}>
      <Table.Td w={170}>
        <Text size="xs" c="dimmed">
          {formatDateTime(e.at)}
        </Text>
      </Table.Td>
      <Table.Td w={110}>
        {e.kind && (
          <Badge size="xs" variant="light" color={colour[e.level] ?? 'gray'}>
            {kindLabel[e.kind]}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" c={colour[e.level]}>
            {e.message}
          </Text>
          {e.link && (
            <Anchor size="xs" component="button" onClick={() => follow(e.link!)} data-testid="activity-link">
              {linkLabel[e.link.kind]}
            </Anchor>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

const linkLabel: Record<ActivityLink['kind'], string> = {
  item: 'Open item',
  'low-stock': 'Low stock list',
  write: 'Open outbox',
  connection: 'Open connection'
}

function useFollow() {
  const open = useUi((s) => s.open)
  const go = useUi((s) => s.go)
  return (link: ActivityLink) => {
    if (link.kind === 'write') go('outbox')
    else if (link.kind === 'connection') go('connections')
    else open(link)
  }
}
