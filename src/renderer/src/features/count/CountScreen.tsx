import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import {
  ActionIcon,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  Stack,
  Text,
  TextInput,
  Tooltip
} from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { modals } from '@mantine/modals'
import { IconArrowBackUp, IconBarcode, IconListCheck, IconSettings, IconTrash } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CountSession } from '../../../../shared/model/records'
import { activeCount, discardCount, setCountState } from '../../count/sessions'
import type { SubmitResult } from '../../outbox/submit-count'
import { prepareSound } from '../../scan/feedback'
import { SCREEN_PRIORITY, useScanner } from '../../scan/scanner'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'
import { BringInButton, BringInNotice, type BringInResult } from './BringInCount'
import { CounterName } from './CounterName'
import { CountLines } from './CountLines'
import { withCommitted } from './committed-lines'
import { ConfirmQuantity } from './ConfirmQuantity'
import { CountReview } from './CountReview'
import { reportRepeat, submitScan, submitUndo, useCountUi } from './count-ui'
import { formatQty } from './format'
import { ParkedCounts } from './ParkedCounts'
import { HandedOverNotice, HandOverButton, type HandedOver } from './HandOverCount'
import { PickItem } from './PickItem'
import { QuantityEntry } from './QuantityEntry'
import { RecountModal } from './RecountModal'
import { ScanBanner } from './ScanBanner'
import { ScansGoTo } from './ScansGoTo'
import { ScannerSettings } from './ScannerSettings'
import { StartCount } from './StartCount'
import { SubmittedCount, type Submitted } from './SubmittedCount'
import { useCountData, type CountLineView, type Waiting } from './use-count-data'

const SUBTITLE = 'Stock counts by location, with a USB barcode scanner.'

/**
 * The count this PC has open (it reopens where it was after a restart or crash), or
 * the form to start one.
 */
export function CountScreen() {
  const { db } = useServices()
  // null: no open count; undefined: still reading.
  const active = useLiveQuery(async () => (await activeCount(db)) ?? null, [])
  const [submitted, setSubmitted] = useState<Submitted | null>(null)
  const [handedOver, setHandedOver] = useState<HandedOver | null>(null)
  const [broughtIn, setBroughtIn] = useState<BringInResult | null>(null)
  const [settingsOpen, setSettingsOpen] = useState(false)

  useEffect(() => {
    const url = submitted?.csvUrl
    return () => {
      if (url) URL.revokeObjectURL(url)
    }
  }, [submitted])
  useEffect(() => {
    const url = handedOver?.url
    return () => {
      if (url) URL.revokeObjectURL(url)
    }
  }, [handedOver])

  const settingsButton = (
    <Tooltip label="Scanner settings">
      <ActionIcon
        variant="default"
        size="lg"
        aria-label="Scanner settings"
        onClick={() => setSettingsOpen(true)}
        data-testid="scanner-settings"
      >
        <IconSettings size={18} />
      </ActionIcon>
    </Tooltip>
  )
  const bringIn = (
    <BringInButton
      onResult={(result) => {
        setBroughtIn(result)
        if (result.ok) {
          setSubmitted(null)
          setHandedOver(null)
        }
      }}
    />
  )
  const broughtInNotice = broughtIn && <BringInNotice result={broughtIn} onClose={() => setBroughtIn(null)} />

  return (
    <>
      {active === undefined ? (
        <>
          <ScreenHeader title="Count" subtitle={SUBTITLE} />
          <Center mih={200}>
            <Loader />
          </Center>
        </>
      ) : active === null ? (
        <>
          <ScreenHeader
            title="Count"
            subtitle={SUBTITLE}
            actions={
              <>
                {bringIn}
                {settingsButton}
              </>
            }
          />
          <Stack>
            {broughtInNotice}
            {submitted && <SubmittedCount submitted={submitted} onDismiss={() => setSubmitted(null)} />}
            {handedOver && <HandedOverNotice handed={handedOver} onDismiss={() => setHandedOver(null)} />}
            <ParkedCounts />
            <StartCount />
          </Stack>
        </>
      ) : (
        <ActiveCount
          key={active.id}
          session={active}
          settingsButton={settingsButton}
          bringIn={bringIn}
          notice={broughtInNotice}
          onHandedOver={(handed) => {
            setBroughtIn(null)
            setHandedOver(handed)
          }}
          onSubmitted={(result, where, connectionLabel) => {
            const csvUrl = result.csv
              ? URL.createObjectURL(new Blob([result.csv.text], { type: 'text/csv;charset=utf-8' }))
              : undefined
            useCountUi.getState().clear()
            setSubmitted({ result, where, connectionLabel, ...(csvUrl && { csvUrl }) })
          }}
        />
      )}
      <ScannerSettings opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </>
  )
}

function ActiveCount({
  session,
  settingsButton,
  bringIn,
  notice,
  onHandedOver,
  onSubmitted
}: {
  session: CountSession
  settingsButton: ReactNode
  bringIn: ReactNode
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
    ? `${reviewing ? 'Variance review · ' : ''}${data.locationLabel} · ${data.connectionLabel}${session.blind ? ' · blind count' : ''}`
    : SUBTITLE

  return (
    <>
      <ScreenHeader
        title="Count"
        subtitle={subtitle}
        actions={
          <>
            {bringIn}
            {settingsButton}
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
      <Stack data-testid="count-session" data-state={session.state}>
        <ScansGoTo where={data?.locationLabel} />
        <ParkedCounts />
        {notice}
        {/* In review the banner only appears for a scan made there. */}
        {(!reviewing || banner) && (
          <ScanBanner
            banner={banner}
            connectionLabel={(id) => connections.find((c) => c.id === id)?.label ?? id}
          />
        )}
        {banner &&
          'context' in banner.content &&
          (banner.content.status === 'unknown' ||
            banner.content.status === 'ambiguous' ||
            banner.content.status === 'elsewhere') &&
          banner.content.context.code !== '' && (
            <PickItem
              key={banner.seq}
              countId={session.id}
              connectionId={session.connectionId}
              context={banner.content.context}
              {...(banner.content.status === 'ambiguous' && { candidates: banner.content.items })}
            />
          )}
        {banner?.content.status === 'confirm' && (
          <ConfirmQuantity
            key={banner.seq}
            countId={session.id}
            item={banner.content.item}
            context={banner.content.context}
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
            where={data.locationLabel}
            onHandedOver={onHandedOver}
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

// The code field is a component of its own: a keystroke there re-renders the
// field, not the line list, so the page keeps up with a scanner's burst.
function CodeEntry({ countId }: { countId: string }) {
  const { db } = useServices()
  const [code, setCode] = useState('')
  return (
    <form
      style={{ flex: 1, minWidth: 260 }}
      onSubmit={(e) => {
        e.preventDefault()
        if (code.trim() === '') return
        void submitScan(db, countId, code)
        setCode('')
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label="Type a code"
          description="The number under a barcode that will not scan, or a SKU"
          leftSection={<IconBarcode size={18} />}
          size="md"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          data-testid="count-code"
        />
        <Button type="submit" size="md" variant="light" data-testid="count-code-add">
          Add
        </Button>
      </Group>
    </form>
  )
}

function Counting({
  session,
  where,
  onHandedOver,
  events: readEvents,
  lines: read,
  waiting,
  noStock,
  onRecount
}: {
  session: CountSession
  where: string
  onHandedOver: (handed: HandedOver) => void
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
      <Group align="flex-end" wrap="wrap">
        <CounterName />
        <QuantityEntry />
        <CodeEntry countId={session.id} />
        <Button
          size="md"
          variant="default"
          leftSection={<IconArrowBackUp size={18} />}
          disabled={events === 0}
          onClick={() => void submitUndo(db, session.id)}
          rightSection={<Kbd size="xs">Ctrl Z</Kbd>}
          data-testid="count-undo"
        >
          Undo last
        </Button>
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
        <HandOverButton
          countId={session.id}
          where={where}
          disabled={events === 0}
          onHandedOver={onHandedOver}
        />
      </Group>
      {noStock && !session.blind && (
        <Text size="sm" c="orange.8" data-testid="count-no-stock">
          No stock is recorded at this location in the replica, so every expected quantity is 0.
        </Text>
      )}
      {lines.length === 0 && (session.blind || waiting.listed === 0) ? (
        <EmptyState icon={IconBarcode} title="Nothing counted yet">
          Scan each item where it stands; scan it again for every further unit, or type the quantity first. A
          GS1 label with a quantity counts that many at once.
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="count-summary">
            {lines.length} line{lines.length === 1 ? '' : 's'} · {formatQty(units)} unit
            {units === 1 ? '' : 's'} counted · {events} scan{events === 1 ? '' : 's'}
          </Text>
          <CountLines
            lines={lines}
            waiting={waiting}
            showExpected={!session.blind}
            lastLineId={lastLineId}
            onRecount={onRecount}
          />
        </>
      )}
    </>
  )
}
