import { Drawer, Group, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { getDb } from '../../db/db'
import { StatusBadge } from './StatusBadge'
import { taskProgress } from './tasks'
import { VendorRecord } from '../shell/VendorRecord'

/** One task: what it makes (planned and made per line), the batches recorded so far, the vendor's record. */
export function TaskDetail({ taskKey, onClose }: { taskKey: string | null; onClose: () => void }) {
  const data = useLiveQuery(async () => {
    if (!taskKey) return null
    const db = getDb()
    const task = await db.tasks.get(taskKey)
    if (!task) return null
    const location = task.locationKey ? await db.locations.get(task.locationKey) : undefined
    const items = await db.items.bulkGet(task.lines.map((l) => l.itemKey))
    const sku = new Map(items.flatMap((i) => (i ? [[i.key, i.sku] as const] : [])))
    return { task, location, sku }
  }, [taskKey])

  const lineName = new Map(data?.task.lines.map((l) => [l.lineId, l.name]) ?? [])
  const p = data ? taskProgress(data.task) : undefined
  return (
    <Drawer
      opened={taskKey !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={data?.task.name ?? ''}
    >
      {data && p && (
        <Stack data-testid="task-detail">
          <Group gap="xs">
            <StatusBadge status={data.task.status} />
            <Text size="sm">
              {data.task.due ? `Due ${data.task.due.slice(0, 10)}` : 'No due date'}
              {data.location && ` · ${data.location.name}`}
            </Text>
          </Group>
          <Text size="sm">
            {p.linesDone} of {p.lines} lines done · {Math.round(p.percent)}% made
          </Text>
          <Progress value={p.percent} />
          <Title order={5}>Lines</Title>
          <Table data-testid="task-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Product</Table.Th>
                <Table.Th>Planned</Table.Th>
                <Table.Th>Made</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.task.lines.map((l) => (
                <Table.Tr key={l.lineId}>
                  <Table.Td ff="monospace">{data.sku.get(l.itemKey) ?? '—'}</Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td>
                    {l.planned} {l.unit ?? ''}
                  </Table.Td>
                  <Table.Td>{l.done ?? 0}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={5}>Batches recorded</Title>
          {data.task.batches.length === 0 ? (
            <Text c="dimmed" size="sm">
              None yet.
            </Text>
          ) : (
            <Table data-testid="task-batches">
              <Table.Tbody>
                {data.task.batches.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{b.lineId ? (lineName.get(b.lineId) ?? b.lineId) : ''}</Table.Td>
                    <Table.Td>{b.quantity}</Table.Td>
                    <Table.Td>{b.lot ?? ''}</Table.Td>
                    <Table.Td>{b.at ? new Date(b.at).toLocaleString() : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <VendorRecord raw={data.task.raw} testId="task-raw" />
        </Stack>
      )}
    </Drawer>
  )
}
