import { Group, Paper, Text } from '@mantine/core'
import { IconMapPin } from '@tabler/icons-react'

/** Where the next scan is counted, readable from a step away: a location label can change it at any scan. */
export function ScansGoTo({ where }: { where: string | undefined }) {
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-blue-light)" data-testid="scans-go-to">
      <Group gap="sm" wrap="nowrap">
        <IconMapPin size={32} color="var(--mantine-color-blue-filled)" />
        <Text fz={26} fw={800} lh={1.2}>
          <Text span inherit c="var(--mantine-color-blue-light-color)" fw={600}>
            Scans go to:{' '}
          </Text>
          <span data-testid="scans-go-to-where">{where ?? '…'}</span>
        </Text>
      </Group>
    </Paper>
  )
}
