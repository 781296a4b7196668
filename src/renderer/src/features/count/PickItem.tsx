import { Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { Item } from '../../../../shared/model/records'
import type { ScanContext } from '../../count/count-scan'
import { getDb } from '../../db/db'
import { searchItems } from '../items/search'
import { submitPick } from './count-ui'
import { formatQty } from './format'

const PICK_LIMIT = 8

function ItemChoices({ items, countId, context }: { items: Item[]; countId: string; context: ScanContext }) {
  const units = (context.labelQuantity ?? 1) * context.times
  return (
    <Table data-testid="pick-results">
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.key}>
            <Table.Td>
              <Text fw={600}>{item.name}</Text>
              <Text size="sm" c="dimmed" ff="monospace">
                {item.sku}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Button
                variant="light"
                onClick={() => void submitPick(countId, item, context)}
                data-testid="pick-item"
              >
                Count {formatQty(units)}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/**
 * After a scan that did not give one item of this count's connection: pick among the
 * candidates, or search by name or SKU. The pick is counted with the scan's
 * quantity and lot, and logged with the scanned code.
 */
export function PickItem({
  countId,
  connectionId,
  context,
  candidates
}: {
  countId: string
  connectionId: string
  context: ScanContext
  candidates?: Item[]
}) {
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text, 150)
  const found = useLiveQuery(
    async () =>
      query.trim() === ''
        ? []
        : (await searchItems(getDb(), query, 50))
            .filter((i) => i.connectionId === connectionId)
            .slice(0, PICK_LIMIT),
    [query, connectionId]
  )
  return (
    <Card withBorder data-testid="pick-item-panel">
      <Stack gap="sm">
        {candidates && candidates.length > 0 && (
          <ItemChoices items={candidates} countId={countId} context={context} />
        )}
        <Group align="flex-end" grow>
          <TextInput
            leftSection={<IconSearch size={16} />}
            label={candidates ? 'Or find another item' : 'Find the item by name or SKU'}
            placeholder="e.g. hex bolt, or the SKU"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="pick-search"
          />
        </Group>
        {found && found.length > 0 && <ItemChoices items={found} countId={countId} context={context} />}
        {found && found.length === 0 && query.trim() !== '' && (
          <Text size="sm" c="dimmed">
            Nothing in this connection matches “{query}”.
          </Text>
        )}
      </Stack>
    </Card>
  )
}
