import { Table, Text } from '@mantine/core'
import { IconActivity } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { getDb } from '../../db/db'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'

const colour = { info: undefined, warning: 'orange', error: 'red' } as const

export function ActivityScreen() {
  const entries = useLiveQuery(() => getDb().activity.orderBy('id').reverse().limit(200).toArray(), [], [])
  return (
    <>
      <ScreenHeader
        title="Activity"
        subtitle="What Stockroom did: syncs, sent writes, warnings and errors."
      />
      {entries.length === 0 ? (
        <EmptyState icon={IconActivity} title="No activity yet">
          Syncs, sent writes, low-stock warnings and errors are listed here, newest first.
        </EmptyState>
      ) : (
        <Table striped>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td w={170}>
                  <Text size="xs" c="dimmed">
                    {new Date(e.at).toLocaleString()}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={colour[e.level]}>
                    {e.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
