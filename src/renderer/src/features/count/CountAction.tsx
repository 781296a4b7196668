import { ActionIcon, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'

/** One of the count's actions in its location banner: an icon, named for screen readers, explained on hover. */
export function CountAction({
  label,
  tip,
  icon,
  testId,
  onClick,
  disabled,
  loading
}: {
  label: string
  tip: string
  icon: ReactNode
  testId: string
  onClick: () => void
  disabled?: boolean
  loading?: boolean
}) {
  return (
    <Tooltip label={tip}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        onClick={onClick}
        disabled={disabled}
        loading={loading}
        data-testid={testId}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  )
}
