import { formatDateTime } from '../../util/format'
import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import type { OutboxEntry } from '../../../../shared/model/records'
import { vendorProfiles } from '../../../../shared/vendors/profiles'
import { markKeyedIn, markNotKeyedIn } from '../../outbox/count-sheet-state'
import { downloadText } from '../count/download'

/**
 * A count for a vendor that takes no stock writes, as the Outbox keeps it: its
 * count sheet to download (again, whenever), when it was made, and the state the
 * person sets once the vendor holds it ("keyed into FractionERP").
 */
export function CountSheetCard({ entry: e, connection }: { entry: OutboxEntry; connection: string }) {
  const { db } = useServices()
  const sheet = e.sheet!
  const vendor = useConnections().find((c) => c.id === e.connectionId)?.vendor
  const vendorName = vendor ? vendorProfiles[vendor].name : connection
  const keyed = e.state === 'done'
  const act = (what: string, action: () => Promise<unknown>) => () =>
    void action().catch((err: unknown) =>
      notifications.show({ color: 'red', title: `Could not ${what}`, message: (err as Error).message })
    )
  return (
    <Card withBorder data-testid="outbox-entry" data-state={e.state} data-kind="count-sheet">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge color={keyed ? 'teal' : 'grape'} data-testid="outbox-state">
              {keyed ? `keyed into ${vendorName}` : `to key into ${vendorName}`}
            </Badge>
            <Text fw={600}>{e.description}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {connection} · made {formatDateTime(e.createdAt)} ·{' '}
            <span data-testid="count-sheet-file">{sheet.filename}</span>
            {sheet.keyedInAt && ` · marked keyed in ${formatDateTime(sheet.keyedInAt)}`}
          </Text>
          <Text size="sm" c="dimmed">
            {vendorName} takes no stock changes from Stockroom: key each row of this sheet into {vendorName},
            then mark it done here.
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} />}
            onClick={() => downloadText(sheet.filename, sheet.csv, 'text/csv;charset=utf-8')}
            data-testid="count-sheet-download"
          >
            Download again
          </Button>
          {keyed ? (
            <Button
              size="xs"
              variant="subtle"
              onClick={act('mark the sheet', () => markNotKeyedIn(db, e))}
              data-testid="count-sheet-undo"
            >
              Not keyed in yet
            </Button>
          ) : (
            <Button
              size="xs"
              onClick={act('mark the sheet', () => markKeyedIn(db, e, `keyed into ${vendorName}`))}
              data-testid="count-sheet-keyed"
            >
              Keyed into {vendorName}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  )
}
