import { Code, ScrollArea, Title } from '@mantine/core'

/** A record exactly as the vendor sent it (kept in the replica beside the common model). */
export function VendorRecord({ raw, testId }: { raw: unknown; testId: string }) {
  return (
    <>
      <Title order={5}>Vendor record</Title>
      <ScrollArea h={260}>
        <Code block data-testid={testId}>
          {JSON.stringify(raw, null, 2)}
        </Code>
      </ScrollArea>
    </>
  )
}
