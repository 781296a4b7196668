import { useServices } from '../../app/services-context'
import { Button, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ConnectionRow } from '../../../../shared/model/records'
import { useSync } from '../../stores/sync'
import { clockOf } from '../shell/status-summary'

/** Sync now or Stop, for this connection alone: the others keep their own schedule. */
export function LaneButton({ connection: c }: { connection: ConnectionRow }) {
  const { scheduler } = useServices()
  const lane = useSync((s) => s.lanes[c.id])
  if (lane?.state === 'running')
    return (
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={() => scheduler.cancel(c.id)}
        aria-label={`Stop ${c.label}'s sync`}
        data-testid="lane-stop"
      >
        Stop
      </Button>
    )
  const syncNow = async () => {
    const answer = await scheduler.syncNow(c.id)
    if (answer?.state === 'parked')
      notifications.show({
        color: 'orange',
        title: `${c.label} waits for its request budget`,
        message: `Nothing more can be asked of ${c.label} before ${clockOf(answer.until)}. It syncs then by itself; the other connections are not held up.`
      })
    else if (answer?.state === 'offline')
      notifications.show({
        color: 'orange',
        title: 'Offline',
        message: `${c.label} syncs when the network is back.`
      })
  }
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() => void syncNow()}
      disabled={c.status === 'paused'}
      aria-label={`Sync now: ${c.label}`}
      data-testid="lane-sync-now"
    >
      Sync now
    </Button>
  )
}

/** Where this connection's sync stands: waiting for the budget until…, or when it runs next. */
export function LaneLine({ connectionId }: { connectionId: string }) {
  const lane = useSync((s) => s.lanes[connectionId])
  if (lane?.state === 'parked')
    return (
      <Text size="sm" c="orange" mt="xs" data-testid="lane-state" data-until={lane.until}>
        Waits for its request budget until {clockOf(lane.until)}, then syncs by itself. Other connections are
        not held up.
      </Text>
    )
  if (lane?.state === 'idle' && lane.nextAt !== undefined)
    return (
      <Text size="xs" c="dimmed" mt="xs" data-testid="lane-state">
        Next sync at {clockOf(lane.nextAt)}
      </Text>
    )
  return null
}
