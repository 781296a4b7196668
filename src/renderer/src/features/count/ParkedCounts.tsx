import { useServices } from '../../app/services-context'
import { Button, Group, Text } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { parkedCounts } from '../../count/location-switch'
import { locationLabel } from '../../count/sessions'
import { submitGoBack } from './count-ui'

/**
 * Counts kept aside when a location label moved scans elsewhere, right under where
 * scans go: each is one click (or its label's scan) away, with nothing counted lost.
 */
export function ParkedCounts() {
  const { db } = useServices()
  const rows = useLiveQuery(async () => {
    const parked = await parkedCounts(db)
    return Promise.all(
      parked.map(async (p) => ({ ...p, where: await locationLabel(db, p.session.locationKey) }))
    )
  }, [])
  if (!rows || rows.length === 0) return null
  return (
    <Group gap="xs" data-testid="parked-counts">
      <Text size="sm" fw={600}>
        Kept aside:
      </Text>
      {rows.map(({ session, scans, where }) => (
        <Button
          key={session.id}
          size="xs"
          variant="default"
          leftSection={<IconPlayerPlay size={14} />}
          onClick={() => void submitGoBack(db, session)}
          title={`Go back to the count at ${where}`}
          data-testid="parked-count"
          data-location={where}
        >
          {where} · {scans} scan{scans === 1 ? '' : 's'}
          {session.blind ? ' · blind' : ''}
        </Button>
      ))}
    </Group>
  )
}
