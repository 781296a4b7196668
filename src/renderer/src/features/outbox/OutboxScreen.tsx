import { formatDateTime, formatTime } from '../../util/format'
import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import type { StockroomDb } from '../../db/db'
import { Badge, Button, Card, Group, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconUpload } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { OutboxEntry, OutboxState } from '../../../../shared/model/records'
import { useOnline } from '../../app/use-online'
import { useOutboxStatus } from '../../stores/outbox'
import { discard, markApplied, resendBatch, resendEdited, retryNow } from '../../outbox/actions'
import { sendAgainstNow, sendAnyway } from '../../outbox/review-choices'
import { signed } from '../../outbox/vendor-check'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'
import { CountSheetCard } from './CountSheetCard'

const stateLabel: Record<OutboxState, { label: string; color: string }> = {
  pending: { label: 'waiting to send', color: 'blue' },
  sending: { label: 'sending', color: 'cyan' },
  done: { label: 'sent', color: 'teal' },
  'needs-review': { label: 'needs review', color: 'red' },
  discarded: { label: 'discarded', color: 'gray' },
  'to-key-in': { label: 'to key in', color: 'grape' }
}

type Filter = 'review' | 'open' | 'sent' | 'all'

const inFilter: Record<Filter, (e: OutboxEntry) => boolean> = {
  review: (e) => e.state === 'needs-review',
  open: (e) => e.state === 'pending' || e.state === 'sending' || e.state === 'to-key-in',
  sent: (e) => e.state === 'done',
  all: () => true
}

/** What the screen opens on: what needs a person, else what is still to go, else what was just sent. */
function firstFilter(entries: OutboxEntry[]): Filter {
  if (entries.some(inFilter.review)) return 'review'
  if (entries.some(inFilter.open)) return 'open'
  return 'sent'
}

export function OutboxScreen() {
  const { db } = useServices()
  const [chosen, setFilter] = useState<Filter | null>(null)
  const recent = useLiveQuery(() => db.outbox.orderBy('seq').reverse().limit(500).toArray(), [])
  const filter = chosen ?? (recent ? firstFilter(recent) : 'open')
  const entries = recent?.filter(inFilter[filter])
  const connections = useConnections()
  const label = (cid: string) => connections.find((c) => c.id === cid)?.label ?? cid

  return (
    <>
      <ScreenHeader
        title="Outbox"
        subtitle="Writes waiting for your systems, sent in order, exactly once."
        actions={
          <SegmentedControl
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            data={[
              { value: 'review', label: 'Needs review' },
              { value: 'open', label: 'Not sent yet' },
              { value: 'sent', label: 'Sent' },
              { value: 'all', label: 'All' }
            ]}
            data-testid="outbox-filter"
          />
        }
      />
      {entries && entries.length === 0 ? (
        <EmptyState
          icon={IconUpload}
          title={
            filter === 'open'
              ? 'Nothing waiting to send'
              : filter === 'sent'
                ? 'Nothing sent yet'
                : 'Nothing here'
          }
        >
          Counts and batches you record are queued here and sent as soon as the connection is up. A write your
          system rejects stays here, explained, until you retry, edit or discard it.
        </EmptyState>
      ) : (
        <Stack data-testid="outbox-list">
          {(entries ?? []).map((e) =>
            e.sheet ? (
              <CountSheetCard key={e.id} entry={e} connection={label(e.connectionId)} />
            ) : (
              <EntryCard key={e.id} entry={e} connection={label(e.connectionId)} />
            )
          )}
        </Stack>
      )}
    </>
  )
}

function EntryCard({ entry: e, connection }: { entry: OutboxEntry; connection: string }) {
  const { db, outbox } = useServices()
  const online = useOnline()
  const unreachable = useOutboxStatus((st) => st.unreachable[e.connectionId] !== undefined)
  // A write cut off mid-send is not being sent while nothing can reach the vendor.
  const s =
    e.state === 'sending' && (!online || unreachable)
      ? { label: online ? 'waiting for the vendor' : 'waiting for the network', color: 'orange' }
      : stateLabel[e.state]
  const run = (what: string, action: () => Promise<unknown>) => async () => {
    try {
      await action()
      outbox.kick()
    } catch (err) {
      notifications.show({ color: 'red', title: `Could not ${what}`, message: (err as Error).message })
    }
  }
  const confirmDiscard = () =>
    modals.openConfirmModal({
      title: 'Discard this write?',
      children: (
        <Text size="sm">
          It will never be sent to {connection}, and its counted quantities stop showing as pending. This
          cannot be undone; count again if you need to.
        </Text>
      ),
      labels: { confirm: 'Discard', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: run('discard', () => discard(db, e))
    })
  return (
    <Card withBorder data-testid="outbox-entry" data-state={e.state}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Badge color={s.color} data-testid="outbox-state">
              {s.label}
            </Badge>
            <Text fw={600}>{e.description}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {connection} · queued {formatDateTime(e.createdAt)}
            {e.doneAt && <span data-testid="outbox-sent-at"> · sent {formatDateTime(e.doneAt)}</span>} ·{' '}
            {e.attempts} attempt
            {e.attempts === 1 ? '' : 's'}
            {e.nextAttemptAt && e.state === 'pending' && ` · next try ${formatTime(e.nextAttemptAt)}`}
            {e.replayed && ' · confirmed by the vendor’s idempotency check'}
          </Text>
          {e.lastError && e.state !== 'done' && (
            <Text
              size="sm"
              c={e.state === 'needs-review' ? 'red' : 'orange'}
              mt={4}
              data-testid="outbox-error"
            >
              {e.lastError}
            </Text>
          )}
          {e.errorDetails && (
            <Stack gap={0} mt={4}>
              {e.errorDetails.map((d) => (
                <Text key={d.path} size="xs" c="red">
                  {d.path}: {d.message}
                </Text>
              ))}
            </Stack>
          )}
        </div>
        <Group gap="xs">
          {e.state === 'pending' && (
            <Button size="xs" variant="light" onClick={run('retry', () => retryNow(db, e))}>
              Retry now
            </Button>
          )}
          {e.state === 'needs-review' && e.review?.reason === 'ambiguous' && (
            <Button size="xs" variant="light" onClick={run('mark as applied', () => markApplied(db, e))}>
              It arrived
            </Button>
          )}
          {e.state === 'needs-review' && e.review?.reason === 'changed-at-vendor' && (
            <ChangedChoices entry={e} run={run} />
          )}
          {e.state === 'needs-review' && e.review?.reason !== 'changed-at-vendor' && (
            <Button size="xs" variant="light" onClick={() => openEdit(db, e, run)}>
              Edit and resend
            </Button>
          )}
          {(e.state === 'pending' ||
            (e.state === 'needs-review' && e.review?.reason !== 'changed-at-vendor')) && (
            <Button size="xs" variant="subtle" color="red" onClick={confirmDiscard}>
              Discard
            </Button>
          )}
        </Group>
      </Group>
      {e.lines && e.lines.length > 0 && (
        <Table mt="sm" fz="sm" data-testid="outbox-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th>Expected at count</Table.Th>
              <Table.Th>Counted</Table.Th>
              <Table.Th data-testid="outbox-change-heading">{changeHeading(e.state)}</Table.Th>
              {e.review?.vendorLevels && <Table.Th>Vendor holds now</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.lines.slice(0, 10).map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td>{l.label}</Table.Td>
                <Table.Td>{l.expected.toLocaleString()}</Table.Td>
                <Table.Td>{l.counted.toLocaleString()}</Table.Td>
                <Table.Td>{l.change.toLocaleString(undefined, { signDisplay: 'exceptZero' })}</Table.Td>
                {e.review?.vendorLevels && (
                  <Table.Td data-testid="vendor-level">
                    {e.review.vendorLevels[i]?.onHand?.toLocaleString() ?? 'unknown'}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {e.lines && e.lines.length > 10 && (
        <Text size="xs" c="dimmed">
          and {e.lines.length - 10} more lines
        </Text>
      )}
    </Card>
  )
}

/** Stock changed at the vendor since the count: send it as counted, against now, or drop it. */
function ChangedChoices({
  entry: e,
  run
}: {
  entry: OutboxEntry
  run: (what: string, action: () => Promise<unknown>) => () => Promise<void>
}) {
  const { db, host } = useServices()
  const only = e.lines?.length === 1 ? e.lines[0] : undefined
  const ours = only ? signed(only.change) : undefined
  const againstNow = async () => {
    const done = await sendAgainstNow(db, host, e)
    if (done.outcome === 'nothing-to-send')
      notifications.show({
        title: 'Nothing to send',
        message: 'The vendor already holds what was counted; the write was dropped.'
      })
  }
  return (
    <>
      <Button size="xs" variant="light" onClick={run('send anyway', () => sendAnyway(db, e))}>
        {ours ? `Send your ${ours} anyway` : 'Send as counted anyway'}
      </Button>
      <Button size="xs" variant="light" onClick={run('send against now', againstNow)}>
        Send the difference against now
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={run('drop', () => discard(db, e))}>
        Drop
      </Button>
    </>
  )
}

/** What the change column holds: sent only once the vendor has it. */
function changeHeading(state: OutboxEntry['state']): string {
  if (state === 'done') return 'Change sent'
  if (state === 'needs-review') return 'Change held, not sent'
  if (state === 'discarded') return 'Change not sent'
  if (state === 'to-key-in') return 'Change to key in'
  return 'Change to send'
}

function openEdit(
  db: StockroomDb,
  e: OutboxEntry,
  run: (what: string, action: () => Promise<unknown>) => () => Promise<void>
) {
  if (e.batch) return openEditBatch(db, e, e.batch, run)
  const changes = (e.lines ?? []).map((l) => l.change)
  modals.openConfirmModal({
    title: 'Edit and resend as a new write',
    size: 'lg',
    children: (
      <Stack gap="xs">
        <Text size="sm">
          The original stays in the list as discarded. The corrected write gets a new key, so it can never be
          mistaken for the original.
        </Text>
        {(e.lines ?? []).map((l, i) => (
          <NumberInput
            key={i}
            label={`${l.label} — change to send`}
            description={
              e.review?.vendorLevels?.[i]
                ? `The vendor holds ${e.review.vendorLevels[i]!.onHand ?? 'nothing'} now`
                : undefined
            }
            defaultValue={l.change}
            onChange={(v) => (changes[i] = typeof v === 'number' ? v : Number(v) || 0)}
          />
        ))}
      </Stack>
    ),
    labels: { confirm: 'Send as a new write', cancel: 'Cancel' },
    onConfirm: run('resend', () => resendEdited(db, e, changes))
  })
}

function openEditBatch(
  db: StockroomDb,
  e: OutboxEntry,
  batch: NonNullable<OutboxEntry['batch']>,
  run: (what: string, action: () => Promise<unknown>) => () => Promise<void>
) {
  let quantity = batch.quantity
  const made = e.review?.vendorLevels?.[0]
  modals.openConfirmModal({
    title: 'Edit and resend as a new batch',
    children: (
      <Stack gap="xs">
        <Text size="sm">
          The original stays in the list as discarded. If the vendor already shows this batch, discard it
          instead of sending it again.
        </Text>
        <NumberInput
          label={`${batch.label} — quantity made`}
          description={made ? `${made.label}: ${made.onHand ?? 'unknown'}` : undefined}
          defaultValue={batch.quantity}
          min={0}
          onChange={(v) => (quantity = typeof v === 'number' ? v : Number(v))}
          data-testid="batch-resend-quantity"
        />
      </Stack>
    ),
    labels: { confirm: 'Send as a new batch', cancel: 'Cancel' },
    onConfirm: run('resend', () => resendBatch(db, e, quantity))
  })
}
