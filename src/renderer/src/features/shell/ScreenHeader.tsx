import { Group, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export function ScreenHeader({
  title,
  subtitle,
  actions
}: {
  title: string
  subtitle?: string
  actions?: ReactNode
}) {
  return (
    <Group justify="space-between" mb="md" align="flex-end">
      <div>
        <Title order={2} data-testid="screen-title">
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" size="sm" data-testid="screen-subtitle">
            {subtitle}
          </Text>
        )}
      </div>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  )
}
