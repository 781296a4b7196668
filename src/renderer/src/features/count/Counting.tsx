import { Button, Text } from '@mantine/core'
import { IconBarcode, IconListCheck } from '@tabler/icons-react'
import { useMemo } from 'react'
import type { CountSession } from '../../../../shared/model/records'
import { setCountState } from '../../count/sessions'
import { useServices } from '../../app/services-context'
import { EmptyState } from '../shell/EmptyState'
import { CountActionBar } from './CountActionBar'
import { CountLines } from './CountLines'
import { withCommitted } from './committed-lines'
import { useCountUi } from './count-ui'
import { formatQty } from './format'
import { UnresolvedList } from './UnresolvedList'
import type { CountLineView, Waiting } from './use-count-data'

/** Counting: the lines, newest first, and at the foot the bar with what is unresolved and Review & submit. */
export function Counting({
  session,
  events: readEvents,
  lines: read,
  waiting,
  noStock,
  onRecount
}: {
  session: CountSession
  events: number
  lines: CountLineView[]
  waiting: Waiting
  noStock: boolean
  onRecount: (line: CountLineView) => void
}) {
  const { db } = useServices()
  const banner = useCountUi((s) => s.banner)
  const shown = useMemo(() => withCommitted(read, readEvents, banner), [read, readEvents, banner])
  const { lines, events } = shown
  const units = lines.reduce((n, v) => n + v.line.counted, 0)
  const lastLineId = banner?.content.status === 'counted' ? banner.content.line.id : undefined

  return (
    <>
      {noStock && !session.blind && (
        <Text size="sm" c="var(--mantine-color-orange-light-color)" data-testid="count-no-stock">
          No stock is recorded at this location in the replica, so every expected quantity is 0.
        </Text>
      )}
      {lines.length === 0 && (session.blind || waiting.listed === 0) ? (
        <EmptyState icon={IconBarcode} title="Nothing counted yet">
          Scan each item where it stands; scan it again for every further unit, or type the quantity first. A
          GS1 label with a quantity counts that many at once.
        </EmptyState>
      ) : (
        <CountLines
          lines={lines}
          waiting={waiting}
          showExpected={!session.blind}
          lastLineId={lastLineId}
          onRecount={onRecount}
        />
      )}
      <CountActionBar testId="count-action-bar" above={<UnresolvedList session={session} />}>
        <Text size="sm" c="dimmed" data-testid="count-summary">
          {lines.length} line{lines.length === 1 ? '' : 's'} · {formatQty(units)} unit
          {units === 1 ? '' : 's'} counted · {events} scan{events === 1 ? '' : 's'}
        </Text>
        <Button
          size="md"
          leftSection={<IconListCheck size={18} />}
          disabled={lines.length === 0 && waiting.listed === 0}
          onClick={() =>
            void setCountState(db, session.id, 'review').then(() => useCountUi.getState().clear())
          }
          data-testid="count-review-button"
        >
          Review & submit
        </Button>
      </CountActionBar>
    </>
  )
}
