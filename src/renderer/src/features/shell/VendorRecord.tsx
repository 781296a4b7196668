import { Code, ScrollArea, Text } from '@mantine/core'

/**
 * A record exactly as the vendor sent it (kept in the replica beside the common
 * model), folded away: it is for a supervisor checking a mapping, not for the floor.
 */
export function VendorRecord({ raw, testId }: { raw: unknown; testId: string }) {
  return (
    <details>
      <Text component="summary" fw={600} py="xs" style={{ cursor: 'pointer' }}>
        Vendor record, as received
      </Text>
      <ScrollArea h={260}>
        <Code block data-testid={testId}>
          {JSON.stringify(raw, null, 2)}
        </Code>
      </ScrollArea>
    </details>
  )
}
