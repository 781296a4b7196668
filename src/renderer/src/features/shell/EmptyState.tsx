import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import type { ComponentType, ReactNode } from 'react'

export function EmptyState(props: {
  icon: ComponentType<{ size?: number }>
  title: string
  children: ReactNode
  action?: ReactNode
}) {
  const Icon = props.icon
  return (
    <Center mih={320} data-testid="empty-state">
      <Stack align="center" gap="xs" maw={460}>
        <ThemeIcon size={56} radius="xl" variant="light">
          <Icon size={30} />
        </ThemeIcon>
        <Title order={4}>{props.title}</Title>
        <Text c="dimmed" ta="center" size="sm">
          {props.children}
        </Text>
        {props.action}
      </Stack>
    </Center>
  )
}
