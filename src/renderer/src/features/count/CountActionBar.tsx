import { Group, Paper } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * The bar that holds Review/Submit: it stays in view at the foot of the screen, above
 * the status bar, however long the list above it grows.
 */
export function CountActionBar({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <Paper
      withBorder
      shadow="sm"
      px="sm"
      py={6}
      data-testid={testId}
      style={{
        position: 'sticky',
        bottom: 'calc(var(--app-shell-footer-offset, 0px) + 4px)',
        zIndex: 5
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        {children}
      </Group>
    </Paper>
  )
}
