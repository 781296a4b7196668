import { Table, Text } from '@mantine/core'
import type { VendorId } from '../../../../shared/model/vendor'
import { vendorProfiles } from '../../../../shared/vendors/profiles'

/** What Stockroom reads from a vendor, what it writes, and how a write is kept from landing twice. */
export function VendorCapabilities({ vendor }: { vendor: VendorId }) {
  const { table, counts } = vendorProfiles[vendor]
  const rows: [string, string][] = [
    ['Reads', table.reads],
    ['Counts', counts.places.words],
    ['Writes', table.writes],
    ['Duplicates', table.duplicates]
  ]
  return (
    <Table mt="xs" withRowBorders={false} verticalSpacing={2} data-testid="vendor-capabilities">
      <Table.Tbody>
        {rows.map(([what, words]) => (
          <Table.Tr key={what}>
            <Table.Td w={110} style={{ verticalAlign: 'top' }}>
              <Text size="xs" c="dimmed">
                {what}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs">{words}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
