import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { locationLabel } from '../../count/sessions'
import { parkedCounts } from '../../count/location-switch'
import { getDb } from '../../db/db'
import { submitGoBack } from './count-ui'

/** Counts kept aside when a location label moved scans elsewhere: each can be gone back to. */
export function ParkedCounts() {
  const rows = useLiveQuery(async () => {
    const db = getDb()
    const parked = await parkedCounts(db)
    return Promise.all(
      parked.map(async (p) => ({ ...p, where: await locationLabel(db, p.session.locationKey) }))
    )
  }, [])
  if (!rows || rows.length === 0) return null
  return (
    <Card withBorder padding="md" data-testid="parked-counts">
      <Stack gap="xs">
        <div>
          <Title order={5}>Counts kept aside</Title>
          <Text size="sm" c="dimmed">
            Scans went elsewhere when another location label was scanned. Scan a location’s label again, or go
            back here; nothing counted in them is lost.
          </Text>
        </div>
        {rows.map(({ session, scans, where }) => (
          <Group key={session.id} justify="space-between" data-testid="parked-count" data-location={where}>
            <Text fw={600}>
              {where}{' '}
              <Text span c="dimmed" fw={400}>
                · {scans} scan{scans === 1 ? '' : 's'}
                {session.blind ? ' · blind' : ''}
              </Text>
            </Text>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlayerPlay size={14} />}
              onClick={() => void submitGoBack(session)}
              data-testid="parked-count-resume"
            >
              Go back to this count
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  )
}
