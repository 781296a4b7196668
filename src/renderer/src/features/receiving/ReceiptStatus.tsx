import { Alert, Text } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { vendorProfiles } from '../../../../shared/vendors/profiles'
import { useServices } from '../../app/services-context'

/**
 * Where a queued receipt (or shipment write) stands: waiting to send, applied by
 * the vendor, or refused — then in plain words, with what to do, and the
 * vendor's own message beneath.
 */
export function ReceiptStatus({ entryId }: { entryId: string }) {
  const { db } = useServices()
  const data = useLiveQuery(async () => {
    const entry = await db.outbox.where('id').equals(entryId).first()
    const connection = entry && (await db.connections.get(entry.connectionId))
    return entry && { entry, profile: connection && vendorProfiles[connection.vendor] }
  }, [db, entryId])
  if (!data) return null
  const { entry, profile } = data
  if (entry.state === 'done')
    return (
      <Alert color="green" variant="light" data-testid="write-status" data-state="done">
        {profile?.name ?? 'The vendor'} has it: {entry.description}.
      </Alert>
    )
  if (entry.state === 'needs-review') {
    const advice =
      entry.flow?.kind === 'receipt' ? profile?.workflow?.receipt?.advice?.(entry.lastError ?? '') : undefined
    return (
      <Alert
        color="red"
        variant="light"
        title="Refused — needs review"
        data-testid="write-status"
        data-state="needs-review"
      >
        <Text size="sm" fw={600} data-testid="write-advice">
          {advice ??
            `Check the order in ${profile?.name ?? 'the vendor’s app'}, then retry, edit or discard this write in the Outbox.`}
        </Text>
        <Text size="sm" mt="xs">
          {entry.lastError}
        </Text>
        {entry.errorDetails?.map((d) => (
          <Text size="sm" key={d.path}>
            {d.path}: {d.message}
          </Text>
        ))}
        <Text size="sm" mt="xs" c="dimmed">
          Nothing was received at the vendor; the goods no longer show as pending. The Outbox keeps this
          receipt.
        </Text>
      </Alert>
    )
  }
  return (
    <Alert color="blue" variant="light" data-testid="write-status" data-state={entry.state}>
      Waiting to send: {entry.description}. It goes by itself when {profile?.name ?? 'the vendor'} can be
      reached
      {entry.lastError ? ` (last try: ${entry.lastError})` : ''}.
    </Alert>
  )
}
