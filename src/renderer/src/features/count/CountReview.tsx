import { formatDateTime } from '../../util/format'
import { useServices } from '../../app/services-context'
import { Alert, Badge, Button, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { IconAlertTriangle, IconArrowLeft, IconSend } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { countCounters, formatParts } from '../../count/counters'
import { pendingConfirmations, pendingConfirmationWords } from '../../count/issues'
import type { CountSession } from '../../../../shared/model/records'
import { RECOUNT_THRESHOLD, reviewCount } from '../../count/review'
import { setCountState } from '../../count/sessions'
import type { SubmitResult } from '../../outbox/submit-count'
import { submitWithSite } from '../../site/submit'
import { countLimits, useCountLimits } from '../../stores/count-limits'
import { ApproveModal } from './ApproveModal'
import { CountActionBar } from './CountActionBar'
import { UnresolvedList } from './UnresolvedList'
import { NotCountedReview } from './NotCountedReview'
import { SiteParts } from './SiteParts'
import { LineMenu } from './CountLines'
import { ItemCell } from './ItemCell'
import { formatQty, formatShare, formatVariance } from './format'
import type { CountData, CountLineView } from './use-count-data'

function Figure({
  label,
  value,
  colour,
  testId
}: {
  label: string
  value: string
  colour?: string
  testId: string
}) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={30} fw={700} c={colour} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  )
}

/**
 * Expected against counted per line before anything is sent, with the lines worth a
 * second look highlighted; Submit hands the count to the outbox (or to a CSV export).
 */
export function CountReview({
  session,
  data,
  onRecount,
  onSubmitted
}: {
  session: CountSession
  data: CountData
  onRecount: (line: CountLineView) => void
  onSubmitted: (result: SubmitResult) => void
}) {
  const { db, host, pcName } = useServices()
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [approving, setApproving] = useState<{ view: CountLineView; reason: string | null } | null>(null)
  const factor = useCountLimits((s) => s.factor)
  const ceiling = useCountLimits((s) => s.ceiling)
  // Read once per change in review only: scanning never pays for who counted what.
  const counters = useLiveQuery(() => countCounters(db, session.id), [session.id])
  const several = (counters?.counters.length ?? 0) > 1
  const unconfirmed = pendingConfirmationWords(
    useLiveQuery(() => pendingConfirmations(db, session.id), [db, session.id]) ?? 0
  )
  const byId = new Map(data.lines.map((v) => [v.line.id, v]))
  const { rows, totals } = reviewCount(
    [...data.lines].sort((a, b) => (a.item?.name ?? '').localeCompare(b.item?.name ?? '')).map((v) => v.line),
    data.recounted,
    RECOUNT_THRESHOLD,
    { factor, ceiling }
  )

  const submit = async () => {
    setSubmitting(true)
    setError(null)
    try {
      const pc = await pcName()
      // With a site database, the other PCs' parts at this location are summed in and sent from here.
      onSubmitted(await submitWithSite(db, host, session.id, { limits: countLimits(), ...(pc && { pc }) }))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setSubmitting(false)
    }
  }
  const confirmSubmit = () => {
    if (totals.toRecount === 0) return void submit()
    modals.openConfirmModal({
      title: `${totals.toRecount} line${totals.toRecount === 1 ? ' needs' : 's need'} a recount`,
      children: (
        <Text size="sm">
          Large differences are usually a miscount. Recount the highlighted lines first, or submit the count
          as it stands.
        </Text>
      ),
      labels: { confirm: 'Submit anyway', cancel: 'Recount first' },
      confirmProps: { color: 'orange', 'data-testid': 'confirm-submit' },
      onConfirm: () => void submit()
    })
  }

  return (
    <Stack data-testid="count-review">
      <SimpleGrid cols={{ base: 2, md: totals.toApprove > 0 ? 6 : 5 }}>
        <Figure label="Lines" value={formatQty(totals.lines)} testId="review-lines" />
        <Figure label="Expected" value={formatQty(totals.expected)} testId="review-expected" />
        <Figure label="Counted" value={formatQty(totals.counted)} testId="review-counted" />
        <Figure
          label="Net difference"
          value={formatVariance(totals.variance)}
          colour={
            totals.variance === 0
              ? undefined
              : totals.variance > 0
                ? 'var(--mantine-color-blue-light-color)'
                : 'var(--mantine-color-red-light-color)'
          }
          testId="review-variance"
        />
        <Figure
          label="To recount"
          value={formatQty(totals.toRecount)}
          colour={totals.toRecount > 0 ? 'var(--mantine-color-orange-light-color)' : undefined}
          testId="review-to-recount"
        />
        {totals.toApprove > 0 && (
          <Figure
            label="To approve"
            value={formatQty(totals.toApprove)}
            colour="var(--mantine-color-red-light-color)"
            testId="review-to-approve"
          />
        )}
      </SimpleGrid>
      {session.replicaSyncedAt && (
        <Text size="sm" c="dimmed" data-testid="review-replica-age">
          Expected quantities are what this PC’s copy of the stock said when each line was first counted. The
          copy was last synced at {formatDateTime(session.replicaSyncedAt)} when the count started.
        </Text>
      )}
      {data.stockRecords === 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="review-no-stock">
          No stock is recorded at {data.locationLabel}, so every expected quantity is 0 and everything counted
          is a difference.
        </Alert>
      )}
      {several && counters && (
        <Text size="sm" data-testid="review-counters">
          Counted by {counters.counters.join(', ')}. Each item’s parts are summed into one line: one
          difference per item is sent.
        </Text>
      )}
      <SiteParts session={session} />
      <Table verticalSpacing="xs" data-testid="review-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Expected</Table.Th>
            <Table.Th ta="right">Counted</Table.Th>
            <Table.Th ta="right">Difference</Table.Th>
            <Table.Th ta="right">%</Table.Th>
            <Table.Th />
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const view = byId.get(row.line.id)
            // Lines set to zero are shown, with their choice, in the not-counted list below.
            if (!view || row.line.zeroed) return null
            return (
              <Table.Tr
                key={row.line.id}
                bg={
                  row.needsApproval
                    ? 'var(--mantine-color-red-light)'
                    : row.needsRecount
                      ? 'var(--mantine-color-orange-light)'
                      : undefined
                }
                data-testid="review-row"
                data-recount={row.needsRecount}
                data-approval={row.needsApproval ? 'needed' : row.outsized ? 'approved' : 'none'}
                data-sku={view.item?.sku}
              >
                <Table.Td>
                  <ItemCell item={view.item} lot={view.lot} fallback={row.line.itemKey} />
                  {several && counters?.parts.get(row.line.id) && (
                    <Text size="sm" c="dimmed" data-testid="review-row-parts">
                      {formatParts(counters.parts.get(row.line.id)!, row.line.counted, formatQty)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="lg">{formatQty(row.line.expected)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="lg" fw={700}>
                    {formatQty(row.line.counted)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text
                    fz="lg"
                    fw={600}
                    c={
                      row.variance === 0
                        ? 'dimmed'
                        : row.variance > 0
                          ? 'var(--mantine-color-blue-light-color)'
                          : 'var(--mantine-color-red-light-color)'
                    }
                    data-testid="review-row-variance"
                  >
                    {formatVariance(row.variance)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c="dimmed">
                    {formatShare(row.share)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {row.needsApproval ? (
                    <Button
                      size="xs"
                      color="red"
                      onClick={() => setApproving({ view, reason: row.outsized })}
                      data-testid="review-approve"
                    >
                      Approve…
                    </Button>
                  ) : row.outsized && row.line.approval ? (
                    <Badge color="red" variant="light" data-testid="review-approved">
                      approved by {row.line.approval.by}
                    </Badge>
                  ) : row.needsRecount ? (
                    <Button
                      size="xs"
                      color="orange"
                      onClick={() => onRecount(view)}
                      data-testid="review-recount"
                    >
                      Recount
                    </Button>
                  ) : row.recounted ? (
                    <Badge color="teal" variant="light">
                      recounted
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <LineMenu view={view} onRecount={onRecount} />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>
              {totals.lines} line{totals.lines === 1 ? '' : 's'}, {totals.withVariance} with a difference
            </Table.Th>
            <Table.Th ta="right">{formatQty(totals.expected)}</Table.Th>
            <Table.Th ta="right">{formatQty(totals.counted)}</Table.Th>
            <Table.Th ta="right">{formatVariance(totals.variance)}</Table.Th>
            <Table.Th />
            <Table.Th />
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <NotCountedReview session={session} rows={data.notCounted} />
      {totals.toApprove > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="review-approval-needed">
          {totals.toApprove} line{totals.toApprove === 1 ? ' is' : 's are'} far from what was expected (over{' '}
          {factor}× expected or a difference over {formatQty(ceiling)}). A supervisor approves{' '}
          {totals.toApprove === 1 ? 'it' : 'each'} with Approve…, or recount; until then the count cannot be
          submitted.
        </Alert>
      )}
      {unconfirmed && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="review-unconfirmed">
          {unconfirmed} Until then the count cannot be submitted.
        </Alert>
      )}
      {error && (
        <Alert color="red" title="The count was not submitted" data-testid="submit-error">
          {error} Nothing was sent or lost: the count is still here. Try again.
        </Alert>
      )}
      <CountActionBar testId="review-action-bar" above={<UnresolvedList session={session} />}>
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} />}
          onClick={() => void setCountState(db, session.id, 'open')}
          data-testid="review-back"
        >
          Back to counting
        </Button>
        <Button
          size="md"
          leftSection={<IconSend size={18} />}
          loading={submitting}
          disabled={totals.lines === 0 || totals.toApprove > 0 || unconfirmed !== undefined}
          onClick={confirmSubmit}
          data-testid="submit-count"
        >
          Submit count
        </Button>
      </CountActionBar>
      <ApproveModal
        target={approving?.view ?? null}
        reason={approving?.reason ?? null}
        onClose={() => setApproving(null)}
      />
    </Stack>
  )
}
