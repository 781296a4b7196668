import { Alert, Stack } from '@mantine/core'
import type { ConnectionRow } from '../../../../shared/model/records'
import { vendorProfiles } from '../../../../shared/vendors/profiles'
import type { FlowKind } from '../../../../shared/vendors/workflow'
import { flowRefusal, takesFlow } from '../../outbox/flows'

/** The connections whose vendor takes this kind of write. */
export const connectionsTaking = (connections: ConnectionRow[], kind: FlowKind) =>
  connections.filter((c) => takesFlow(vendorProfiles[c.vendor], kind))

/**
 * Said instead of a screen no connection can use: for each connection, why its
 * vendor cannot take this kind of write (in the vendor profile's own words).
 */
export function NoCapability({ connections, kind }: { connections: ConnectionRow[]; kind: FlowKind }) {
  return (
    <Stack data-testid="no-capability">
      {connections.length === 0 && (
        <Alert color="gray" variant="light">
          No connection yet: add one under Connections.
        </Alert>
      )}
      {connections.map((c) => (
        <Alert key={c.id} color="gray" variant="light" title={c.label}>
          {flowRefusal(vendorProfiles[c.vendor], kind)}
        </Alert>
      ))}
    </Stack>
  )
}
