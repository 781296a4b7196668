import { ActionIcon, Center, Loader, Stack, Text, Tooltip } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { modals } from '@mantine/modals'
import { IconTrash } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import type { CountSession } from '../../../../shared/model/records'
import { discardCount } from '../../count/sessions'
import { useServices } from '../../app/services-context'
import { useConnections } from '../../app/use-connections'
import type { SubmitResult } from '../../outbox/submit-count'
import { prepareSound } from '../../scan/feedback'
import { SCREEN_PRIORITY, useScanner } from '../../scan/scanner'
import { ConfirmQuantity } from './ConfirmQuantity'
import { CountReview } from './CountReview'
import { Counting } from './Counting'
import { CountToolbar } from './CountToolbar'
import { reportRepeat, submitScan, submitUndo, useCountUi } from './count-ui'
import { HandOverButton, type HandedOver } from './HandOverCount'
import { ParkedCounts } from './ParkedCounts'
import { PickItem } from './PickItem'
import { RecountModal } from './RecountModal'
import { ScanBanner } from './ScanBanner'
import { ScansGoTo } from './ScansGoTo'
import { useCountData, type CountLineView } from './use-count-data'

/** The count this PC has open: where scans go, the last scan, what is unresolved, and the lines or the review. */
export function ActiveCount({
  session,
  actions,
  notice,
  onHandedOver,
  onSubmitted
}: {
  session: CountSession
  /** The screen's own actions (bring in a file, scanner settings). */
  actions: ReactNode
  notice: ReactNode
  onHandedOver: (handed: HandedOver) => void
  onSubmitted: (result: SubmitResult, where: string, connectionLabel: string) => void
}) {
  const { db } = useServices()
  const data = useCountData(session)
  const banner = useCountUi((s) => s.banner)
  const connections = useConnections()
  const [recounting, setRecounting] = useState<CountLineView | null>(null)
  const reviewing = session.state === 'review'

  useScanner(
    (code, from) => void submitScan(db, session.id, code, from?.prefix),
    true,
    SCREEN_PRIORITY,
    (words) => void reportRepeat(words)
  )
  useEffect(prepareSound, [])
  // From anywhere in a count, fields included: the Undo button promises it, and a scan never types into them.
  useHotkeys([['mod+Z', () => void submitUndo(db, session.id)]], [])

  const discard = () =>
    modals.openConfirmModal({
      title: 'Discard this count?',
      children: (
        <Text size="sm">
          Every line and scan of the count at {data?.locationLabel ?? 'this location'} is thrown away. Nothing
          has been sent, so nothing changes in {data?.connectionLabel ?? 'the connected system'}.
        </Text>
      ),
      labels: { confirm: 'Discard', cancel: 'Keep counting' },
      confirmProps: { color: 'red', 'data-testid': 'confirm-discard' },
      onConfirm: async () => {
        await discardCount(db, session.id)
        useCountUi.getState().clear()
      }
    })

  const subtitle = data
    ? `${reviewing ? 'Variance review · ' : ''}${data.connectionLabel}${session.blind ? ' · blind count' : ''}`
    : 'Stock count'
  const content = banner?.content
  const asking =
    content &&
    'context' in content &&
    (content.status === 'unknown' || content.status === 'ambiguous' || content.status === 'elsewhere') &&
    content.context.code !== ''

  return (
    <>
      <Stack gap={8} data-testid="count-session" data-state={session.state} data-count-id={session.id}>
        <ScansGoTo
          where={data?.locationLabel}
          subtitle={subtitle}
          actions={
            <>
              {!reviewing && (
                <HandOverButton
                  countId={session.id}
                  where={data?.locationLabel ?? 'this location'}
                  disabled={(data?.events ?? 0) === 0}
                  onHandedOver={onHandedOver}
                />
              )}
              {actions}
              <Tooltip label="Discard this count">
                <ActionIcon
                  variant="default"
                  size="lg"
                  color="red"
                  aria-label="Discard this count"
                  onClick={discard}
                  data-testid="count-discard"
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            </>
          }
        />
        <ParkedCounts />
        {notice}
        {!reviewing && (
          <CountToolbar
            countId={session.id}
            canUndo={(data?.events ?? 0) > 0 || banner?.content.status === 'counted'}
          />
        )}
        {/* In review the banner only appears for a scan made there. */}
        {(!reviewing || banner) && (
          <ScanBanner
            banner={banner}
            connectionLabel={(id) => connections.find((c) => c.id === id)?.label ?? id}
          />
        )}
        {banner && asking && content && 'context' in content && (
          <PickItem
            key={banner.seq}
            countId={session.id}
            connectionId={session.connectionId}
            context={content.context}
            issueId={'issueId' in content ? content.issueId : undefined}
            {...(content.status === 'ambiguous' && { candidates: content.items })}
          />
        )}
        {banner && content?.status === 'confirm' && (
          <ConfirmQuantity
            key={banner.seq}
            countId={session.id}
            item={content.item}
            context={content.context}
            issueId={content.issueId}
          />
        )}
        {!data ? (
          <Center mih={120}>
            <Loader />
          </Center>
        ) : reviewing ? (
          <CountReview
            session={session}
            data={data}
            onRecount={setRecounting}
            onSubmitted={(result) => onSubmitted(result, data.locationLabel, data.connectionLabel)}
          />
        ) : (
          <Counting
            session={session}
            events={data.events}
            lines={data.lines}
            waiting={data.waiting}
            noStock={data.stockRecords === 0}
            onRecount={setRecounting}
          />
        )}
      </Stack>
      <RecountModal
        target={recounting}
        showExpected={reviewing || !session.blind}
        onClose={() => setRecounting(null)}
      />
    </>
  )
}
