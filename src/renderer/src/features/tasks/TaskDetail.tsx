import { formatDate, formatDateTime } from '../../util/format'
import { useServices } from '../../app/services-context'
import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { parseScan } from '../../../../shared/scan/parse-scan'
import { vendorProfiles } from '../../../../shared/vendors/profiles'
import { itemsForCode } from '../../count/barcode-links'
import { moveTask, undoBatch } from '../../outbox/task-flow'
import { takesFlow } from '../../outbox/flows'
import type { Result } from '../../../../shared/result'
import { DIALOG_PRIORITY, useScanner } from '../../scan/scanner'
import { RecordBatchModal, type BatchTarget } from './RecordBatchModal'
import { StatusBadge } from './StatusBadge'
import { progressWords, taskProgress } from './tasks'
import { VendorRecord } from '../shell/VendorRecord'

/**
 * One task: what it makes (planned and made per line), the batches recorded so
 * far — those still waiting to reach the vendor included — and the vendor's
 * record. A batch is recorded per line, or by scanning what was made while the
 * task is open (a GS1 quantity fills the amount).
 */
export function TaskDetail({ taskKey, onClose }: { taskKey: string | null; onClose: () => void }) {
  const { db } = useServices()
  const [target, setTarget] = useState<BatchTarget | null>(null)
  const data = useLiveQuery(async () => {
    if (!taskKey) return null
    const task = await db.tasks.get(taskKey)
    if (!task) return null
    const location = task.locationKey ? await db.locations.get(task.locationKey) : undefined
    const items = await db.items.bulkGet(task.lines.map((l) => l.itemKey))
    const sku = new Map(items.flatMap((i) => (i ? [[i.key, i.sku] as const] : [])))
    const open = await db.outbox
      .where('connectionId')
      .equals(task.connectionId)
      .filter((e) => e.state === 'pending' || e.state === 'sending' || e.state === 'needs-review')
      .toArray()
    const queued = open.filter((e) => e.batch?.taskKey === task.key)
    const undos = open.filter((e) => e.flow?.kind === 'batch-undo' && e.flow.targetKey === task.key)
    // A vendor whose tasks take no batches says why, instead of offering to record one.
    const connection = await db.connections.get(task.connectionId)
    const profile = connection && vendorProfiles[connection.vendor]
    const readOnly =
      profile && !connection.capabilities.includes('task-write')
        ? (profile.taskNote ?? profile.batchRefusal ?? `${profile.name} takes no batches from Stockroom.`)
        : undefined
    const moves =
      profile && takesFlow(profile, 'task-status') ? profile.workflow?.taskStatus?.statuses : undefined
    const undoable = profile !== undefined && takesFlow(profile, 'batch-undo')
    return { task, location, sku, queued, undos, readOnly, moves, undoable }
  }, [taskKey])

  const canRecord =
    data?.task.connectionId !== undefined && data.task.status !== 'done' && data.readOnly === undefined
  useScanner(
    async (code) => {
      if (!data) return
      const scan = parseScan(code)
      if (!scan.ok) {
        notifications.show({ color: 'red', title: 'Scan not read', message: scan.error.message })
        return
      }
      // By the vendor's codes and the codes linked by hand, as every lookup.
      const items = new Set((await itemsForCode(db, scan.keys)).map((i) => i.key))
      const line = data.task.lines.find((l) => items.has(l.itemKey))
      if (!line) {
        notifications.show({
          color: 'orange',
          title: 'Not made by this task',
          message: `${scan.code} is none of the products of “${data.task.name}”.`
        })
        return
      }
      const quantity = scan.kind === 'gs1' ? scan.gs1.quantity : undefined
      setTarget({
        taskKey: data.task.key,
        lineId: line.lineId,
        name: line.name,
        ...(line.unit && { unit: line.unit }),
        ...(quantity !== undefined && { quantity })
      })
    },
    taskKey !== null && canRecord && target === null,
    // The task's drawer takes the scan itself: what was made, for this task.
    DIALOG_PRIORITY
  )

  const act = async (run: () => Promise<Result<unknown>>, done: string) => {
    const r = await run()
    notifications.show(
      r.ok
        ? { color: 'teal', title: done, message: 'Sent when the vendor can be reached.' }
        : { color: 'red', title: 'Not done', message: r.error.message }
    )
  }
  const undoneBatch = new Set(data?.undos.map((e) => e.flow?.batchId ?? ''))
  const undoneEntry = new Set(data?.undos.map((e) => e.flow?.undoOf ?? ''))
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
              {data.task.due ? `Due ${formatDate(data.task.due)}` : 'No due date'}
              {data.location && ` · ${data.location.name}`}
            </Text>
          </Group>
          <Text size="sm">{progressWords(p)}</Text>
          {data.moves && (
            <Group gap="xs">
              {data.task.status !== data.moves.start && data.task.status !== data.moves.complete && (
                <Button
                  size="xs"
                  data-testid="task-start"
                  onClick={() => void act(() => moveTask(db, data.task.key, 'start'), 'Task started')}
                >
                  Start task
                </Button>
              )}
              {data.task.status !== data.moves.complete && (
                <Button
                  size="xs"
                  variant="light"
                  data-testid="task-complete"
                  onClick={() => void act(() => moveTask(db, data.task.key, 'complete'), 'Task completed')}
                >
                  Complete task
                </Button>
              )}
            </Group>
          )}
          <Progress value={p.percent} aria-label={progressWords(p)} />
          {data.readOnly && (
            <Alert color="gray" variant="light" data-testid="task-read-only">
              {data.readOnly}
            </Alert>
          )}
          <Title order={5}>Lines</Title>
          <Table data-testid="task-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Product</Table.Th>
                <Table.Th>Planned</Table.Th>
                <Table.Th>Made</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.task.lines.map((l) => (
                <Table.Tr key={l.lineId}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="task-line-sku">
                    {data.sku.get(l.itemKey) || '—'}
                  </Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td>
                    {l.planned} {l.unit ?? ''}
                  </Table.Td>
                  <Table.Td>{l.done ?? 0}</Table.Td>
                  <Table.Td>
                    {canRecord && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() =>
                          setTarget({
                            taskKey: data.task.key,
                            lineId: l.lineId,
                            name: l.name,
                            ...(l.unit && { unit: l.unit })
                          })
                        }
                        data-testid="record-batch"
                      >
                        Record batch
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={5}>Batches recorded</Title>
          {data.queued.length > 0 && (
            <Table data-testid="task-batches-queued">
              <Table.Tbody>
                {data.queued.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{lineName.get(e.batch!.lineId) ?? e.batch!.label}</Table.Td>
                    <Table.Td>{e.batch!.quantity}</Table.Td>
                    <Table.Td>
                      {data.undoable && !undoneEntry.has(e.id) && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          data-testid="batch-undo"
                          onClick={() => void act(() => undoBatch(db, { entryId: e.id }), 'Batch undone')}
                        >
                          Undo
                        </Button>
                      )}
                    </Table.Td>
                    <Table.Td colSpan={2}>
                      {undoneEntry.has(e.id) ? (
                        <Badge color="orange" variant="light">
                          waiting to send, then its undo
                        </Badge>
                      ) : e.state === 'needs-review' ? (
                        <Badge color="red" variant="light">
                          needs review — see Outbox
                        </Badge>
                      ) : (
                        <Badge color="blue" variant="light">
                          waiting to send
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {data.task.batches.length === 0 && data.queued.length === 0 ? (
            <Text c="dimmed" size="sm">
              None yet.
            </Text>
          ) : data.task.batches.length === 0 ? null : (
            <Table data-testid="task-batches">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Made</Table.Th>
                  <Table.Th>Quantity</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Recorded</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Undo</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.task.batches.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{b.lineId ? (lineName.get(b.lineId) ?? b.lineId) : ''}</Table.Td>
                    <Table.Td>{b.quantity}</Table.Td>
                    <Table.Td>{b.lot ?? ''}</Table.Td>
                    <Table.Td>{b.at ? formatDateTime(b.at) : ''}</Table.Td>
                    <Table.Td>
                      {undoneBatch.has(b.id) ? (
                        <Badge color="orange" variant="light" data-testid="batch-undo-waiting">
                          undo waiting to send
                        </Badge>
                      ) : (
                        data.undoable &&
                        /^\d+$/.test(b.id) && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            data-testid="batch-undo"
                            onClick={() =>
                              void act(
                                () => undoBatch(db, { taskKey: data.task.key, batchId: b.id }),
                                'Undo queued'
                              )
                            }
                          >
                            Undo
                          </Button>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <VendorRecord raw={data.task.raw} testId="task-raw" />
        </Stack>
      )}
      <RecordBatchModal target={target} onClose={() => setTarget(null)} />
    </Drawer>
  )
}
