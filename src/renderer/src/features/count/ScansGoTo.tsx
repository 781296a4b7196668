import { Group, Paper, Text, Title } from '@mantine/core'
import { IconMapPin } from '@tabler/icons-react'
import type { ReactNode } from 'react'

/**
 * The count's one location banner, in place of the screen header: where the next scan
 * is counted, readable from a step away (a location label can change it at any scan),
 * what it is counted against, and the count's actions. One compact row, so the lines
 * start in the upper half of a 768-pixel screen.
 */
export function ScansGoTo({
  where,
  subtitle,
  actions
}: {
  where: string | undefined
  subtitle: string
  actions: ReactNode
}) {
  return (
    <Paper withBorder px="sm" py={4} bg="var(--mantine-color-blue-light)" data-testid="scans-go-to">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconMapPin size={28} color="var(--mantine-color-blue-filled)" style={{ flex: 'none' }} />
          <div style={{ minWidth: 0 }}>
            <Group gap={10} wrap="nowrap" align="baseline" style={{ minWidth: 0 }}>
              <Title order={2} fz={18} data-testid="screen-title">
                Count
              </Title>
              <Text fz={22} fw={800} lh={1.15} truncate="end" style={{ minWidth: 0 }}>
                <Text span inherit fw={600} c="var(--mantine-color-blue-light-color)">
                  Scans go to:{' '}
                </Text>
                <span data-testid="scans-go-to-where">{where ?? '…'}</span>
              </Text>
              <Text
                size="sm"
                c="dimmed"
                truncate="end"
                style={{ flex: 'none', maxWidth: '30%' }}
                data-testid="screen-subtitle"
              >
                {subtitle}
              </Text>
            </Group>
          </div>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      </Group>
    </Paper>
  )
}
