import { Group, Paper } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * The bar that holds Review/Submit, and what is unresolved: it stays in view at the
 * foot of the screen, above the status bar, however long the list above it grows,
 * and never pushes the lines down.
 */
export function CountActionBar({
  children,
  testId,
  above
}: {
  children: ReactNode
  testId: string
  /** Kept in view with the bar, over the end of the list (the Unresolved list). */
  above?: ReactNode
}) {
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
      {above}
      <Group justify="space-between" wrap="nowrap" gap="sm">
        {children}
      </Group>
    </Paper>
  )
}
