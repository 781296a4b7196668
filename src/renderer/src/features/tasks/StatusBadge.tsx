import { Badge } from '@mantine/core'

/** Inventora's task states: pending, in-progress, done (others shown as they come). */
export function StatusBadge({ status }: { status: string }) {
  const color = status === 'done' ? 'green' : status === 'in-progress' ? 'blue' : 'gray'
  const label = status === 'in-progress' ? 'in progress' : status
  return (
    <Badge color={color} variant="light" style={{ overflow: 'visible' }}>
      {label}
    </Badge>
  )
}
