import { useServices } from '../../app/services-context'
import { Alert, List, Text } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'

/**
 * The resources of a connection whose last pass failed while the others went
 * on: which data, the request that failed, the vendor's words and what to do.
 * Kept on the checkpoints, so they stay until that resource syncs again.
 */
export function ResourceFailures({ connectionId }: { connectionId: string }) {
  const { db } = useServices()
  const all = useLiveQuery(
    () => db.checkpoints.where('connectionId').equals(connectionId).toArray(),
    [connectionId],
    []
  )
  const failed = all.filter((c) => c.failure !== undefined)
  if (failed.length === 0) return null
  const none = failed.length === all.length
  return (
    <Alert
      color={none ? 'red' : 'orange'}
      variant="light"
      mt="sm"
      title={
        none
          ? 'None of the data could be synced'
          : `${failed.length} kind${failed.length === 1 ? '' : 's'} of data could not be synced; the rest is up to date`
      }
      data-testid="resource-failures"
    >
      <List size="sm" spacing={4}>
        {failed.map((c) => (
          <List.Item key={c.resource} data-testid={`resource-failure-${c.resource}`}>
            {/* Unreadable records are told in words that name the data already. */}
            {c.failure!.kind !== 'unreadable' && (
              <Text size="sm" span fw={600}>
                {c.resource}
                {c.failure!.endpoint ? ` (${c.failure!.endpoint})` : ''}:{' '}
              </Text>
            )}
            <Text size="sm" span>
              {c.failure!.message}
              {c.failure!.kind === 'forbidden' ? ' Not asked again until the key changes.' : ''}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
