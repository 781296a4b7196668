import { ActionIcon, Center, Loader, Stack, Tooltip } from '@mantine/core'
import { IconSettings } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import type { CountSession } from '../../../../shared/model/records'
import { activeCount } from '../../count/sessions'
import { useServices } from '../../app/services-context'
import { ScreenHeader } from '../shell/ScreenHeader'
import { ActiveCount } from './ActiveCount'
import { BringInButton, BringInNotice, type BringInResult } from './BringInCount'
import { useCountUi } from './count-ui'
import { HandedOverNotice, type HandedOver } from './HandOverCount'
import { ParkedCounts } from './ParkedCounts'
import { ScannerSettings } from './ScannerSettings'
import { StartCount } from './StartCount'
import { SubmittedCount, type Submitted } from './SubmittedCount'

const SUBTITLE = 'Stock counts by location, with a USB barcode scanner.'

/**
 * The count this PC has open (it reopens where it was after a restart or crash), or
 * the form to start one.
 */
export function CountScreen() {
  const active = useActiveCount()
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
          actions={
            <>
              {bringIn}
              {settingsButton}
            </>
          }
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

/** A read of the open count that failed (a full disk): the screen stays on the count it showed. */
const UNREAD = Symbol('unread')

/**
 * The count this PC has open: null when none, undefined while first reading. A
 * failed read keeps the count already shown instead of dropping to the start form,
 * so a full disk never takes the screen's context away.
 */
function useActiveCount(): CountSession | null | undefined {
  const { db } = useServices()
  const [kept, setKept] = useState<CountSession | null | undefined>(undefined)
  const read = useLiveQuery(async () => {
    try {
      return (await activeCount(db)) ?? null
    } catch {
      return UNREAD
    }
  }, [db])
  if (read !== UNREAD && read !== kept) setKept(read)
  return read === UNREAD ? kept : read
}
