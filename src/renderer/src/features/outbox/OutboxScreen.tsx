import { IconUpload } from '@tabler/icons-react'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'

export function OutboxScreen() {
  return (
    <>
      <ScreenHeader title="Outbox" subtitle="Writes waiting for your systems, sent in order, exactly once." />
      <EmptyState icon={IconUpload} title="Nothing waiting to send">
        Counts and batches you record are queued here and sent as soon as the connection is up. A write your
        system rejects stays here, explained, until you retry, edit or discard it.
      </EmptyState>
    </>
  )
}
