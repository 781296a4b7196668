import { formatDate } from '../../util/format'
import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import {
  Badge,
  CloseButton,
  Group,
  Progress,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconClipboardList, IconSearch } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { parseScan } from '../../../../shared/scan/parse-scan'
import { itemsForCode } from '../../count/barcode-links'
import { useScanner } from '../../scan/scanner'
import { refuseScan } from '../shell/use-global-scanner'
import { useScannerSettings } from '../../scan/scanner-settings'
import { useUi } from '../../stores/ui'
import { EmptyState } from '../shell/EmptyState'
import { rowKeys } from '../shell/row-keys'
import { ScreenHeader } from '../shell/ScreenHeader'
import { StatusBadge } from './StatusBadge'
import { TaskDetail } from './TaskDetail'
import { filterTasks, progressWords, taskProgress, type TaskFilter } from './tasks'

export function TasksScreen() {
  const { db } = useServices()
  const [filter, setFilter] = useState<TaskFilter>('open')
  const [text, setText] = useState('')
  const openKey = useUi((s) => s.openTaskKey)
  const setOpenKey = useUi((s) => s.openTask)
  // "Overdue" moves with the clock: re-judged every minute.
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  const connections = useConnections()
  // Tasks are few (hundreds, not the hundred thousand items): the whole table, sorted here.
  const all = useLiveQuery(() => db.tasks.toArray(), [])
  const locations = useLiveQuery(async () => {
    const keys = [...new Set((all ?? []).map((t) => t.locationKey).filter((k): k is string => !!k))]
    const rows = await db.locations.bulkGet(keys)
    return new Map(rows.flatMap((l) => (l ? [[l.key, l.name] as const] : [])))
  }, [all])
  const label = (cid: string) => connections.find((c) => c.id === cid)?.label ?? cid
  const [connectionId, setConnectionId] = useState<string | null>(null)
  const [batchesOnly, setBatchesOnly] = useState(false)
  // A connection whose vendor takes task writes takes batches from Stockroom.
  const takesBatches = new Set(
    connections.filter((c) => c.capabilities.includes('task-write')).map((c) => c.id)
  )
  const scope = { takesBatches, batchesOnly, ...(connectionId !== null && { connectionId }) }
  const withTasks = connections.filter((c) => (all ?? []).some((t) => t.connectionId === c.id))
  // A product scanned on the list shows the tasks that make it (and opens the task when only one does).
  const [making, setMaking] = useState<{ keys: Set<string>; label: string } | null>(null)
  useScanner(async (code) => {
    const scan = parseScan(code, { prefixes: useScannerSettings.getState().prefixes })
    if (!scan.ok) return refuseScan(scan.error)
    const items = await itemsForCode(db, scan.keys)
    if (items.length === 0) {
      notifications.show({
        color: 'orange',
        title: 'Unknown code',
        message: `No product has the code ${scan.code}.`
      })
      return
    }
    const keys = new Set(items.map((i) => i.key))
    setMaking({ keys, label: `${items[0]!.sku} ${items[0]!.name}`.trim() })
    const found = filterTasks(all ?? [], filter, '', Date.now(), keys, scope)
    if (found.length === 1) setOpenKey(found[0]!.task.key)
  }, openKey === null)

  if (all && all.length === 0) {
    return (
      <>
        <ScreenHeader
          title="Tasks"
          subtitle="Production tasks, jobs and work orders from your connections."
        />
        <EmptyState icon={IconClipboardList} title="No tasks yet">
          Production tasks, jobs and work orders appear here after a sync of a system that keeps them:
          Inventora’s production tasks, ForgeMRP’s jobs, FractionERP’s work orders and Figgro’s job runs.
          Frostbyte Pro has none.
        </EmptyState>
      </>
    )
  }

  const shown = filterTasks(all ?? [], filter, text, now, making?.keys, scope)
  return (
    <>
      <ScreenHeader
        title="Tasks"
        subtitle={`${(all ?? []).length.toLocaleString()} production tasks from your connections, as of the last sync.`}
      />
      <Group mb="sm" align="end">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as TaskFilter)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'overdue', label: 'Overdue' },
            { value: 'done', label: 'Done' },
            { value: 'all', label: 'All' }
          ]}
          data-testid="task-filter"
        />
        {withTasks.length > 1 && (
          <Select
            w={220}
            aria-label="Show one connection's tasks"
            placeholder="All connections"
            clearable
            data={withTasks.map((c) => ({ value: c.id, label: c.label }))}
            value={connectionId}
            onChange={setConnectionId}
            data-testid="task-connection"
          />
        )}
        <SegmentedControl
          value={batchesOnly ? 'batches' : 'any'}
          onChange={(v) => setBatchesOnly(v === 'batches')}
          data={[
            { value: 'any', label: 'Any task' },
            { value: 'batches', label: 'Takes batches' }
          ]}
          aria-label="Which tasks"
          data-testid="task-batches-only"
        />
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder="Task or product name"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          aria-label="Search tasks"
          style={{ flex: 1, minWidth: 200 }}
        />
      </Group>
      {making && (
        <Group gap={4} mb="sm" data-testid="task-making">
          <Text size="sm">Tasks making {making.label}</Text>
          <CloseButton size="sm" aria-label="Show all tasks" onClick={() => setMaking(null)} />
        </Group>
      )}
      {shown.length === 0 ? (
        <Text c="dimmed" data-testid="no-task-match">
          No {filter === 'all' ? '' : `${filter} `}tasks{text.trim() && ` match “${text.trim()}”`}.
        </Text>
      ) : (
        <Table highlightOnHover striped data-testid="task-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th visibleFrom="lg">Location</Table.Th>
              <Table.Th>Made</Table.Th>
              <Table.Th visibleFrom="lg">Connection</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map(({ task, overdue }, i) => {
              const p = taskProgress(task)
              return (
                <Table.Tr
                  key={task.key}
                  {...rowKeys(() => setOpenKey(task.key), task.name, { first: i === 0 })}
                  data-testid="task-row"
                >
                  <Table.Td miw={220}>
                    {/* Two lines at most in a 1024-pixel window; the whole name on hover and in the drawer. */}
                    <Text lineClamp={2} title={task.name} data-testid="task-name">
                      {task.name}
                    </Text>
                    {/* Under 1280 pixels the place and the connection go under the name: no sideways scroll at 1024. */}
                    <Text size="xs" c="dimmed" hiddenFrom="lg">
                      {[
                        (task.locationKey && locations?.get(task.locationKey)) || undefined,
                        label(task.connectionId),
                        takesBatches.has(task.connectionId) ? 'takes batches' : undefined
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={task.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text span style={{ whiteSpace: 'nowrap' }}>
                      {task.due ? formatDate(task.due) : '—'}
                    </Text>
                    {overdue && (
                      <Badge color="red" size="xs" display="block">
                        overdue
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="lg">
                    {(task.locationKey && locations?.get(task.locationKey)) ?? '—'}
                  </Table.Td>
                  <Table.Td miw={150}>
                    <Text size="xs" c="dimmed">
                      {progressWords(p)}
                    </Text>
                    <Progress value={p.percent} size="md" aria-label={`${task.name}: ${progressWords(p)}`} />
                  </Table.Td>
                  <Table.Td visibleFrom="lg">
                    <Text size="sm" c="dimmed">
                      {label(task.connectionId)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      <TaskDetail taskKey={openKey} onClose={() => setOpenKey(null)} />
    </>
  )
}
