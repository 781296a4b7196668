import { useServices } from '../../app/services-context'
import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconMapPin, IconSearch, IconSquare, IconSquareCheckFilled, IconTag } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { locationPath } from '../../count/sessions'
import { planItemLabels } from '../../labels/item-labels'
import { itemsAt, itemsWithoutCode, planLocationLabels } from '../../labels/location-labels'
import { searchItems } from '../items/search'
import { ScreenHeader } from '../shell/ScreenHeader'
import { PrintersPanel } from './PrintersPanel'
import { usePrintDialog } from './use-print-dialog'

/**
 * Labels: printers on this PC, labels for a location (its own, its zones and
 * bins, the items there that no scan can find yet) and for a selection of items.
 */
export function LabelsScreen() {
  const { host } = useServices()
  const { open, dialog } = usePrintDialog()
  return (
    <>
      <ScreenHeader
        title="Labels"
        subtitle="Item, location and receipt labels for network label printers (ZPL) or as a PDF"
      />
      <Stack>
        <LocationLabels open={open} />
        <ItemSelection open={open} />
        <PrintersPanel host={host} />
      </Stack>
      {dialog}
    </>
  )
}

type OpenDialog = ReturnType<typeof usePrintDialog>['open']

function LocationLabels({ open }: { open: OpenDialog }) {
  const { db } = useServices()
  const [locationKey, setLocationKey] = useState<string | null>(null)
  const options = useLiveQuery(async () => {
    const [locations, connections] = await Promise.all([db.locations.toArray(), db.connections.toArray()])
    const byKey = new Map(locations.map((l) => [l.key, l]))
    return connections.map((c) => ({
      group: c.label,
      items: locations
        .filter((l) => l.connectionId === c.id)
        .map((l) => ({ value: l.key, label: `${locationPath(l, byKey)} (${l.kind})` }))
        .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }))
    }))
  }, [])
  const counts = useLiveQuery(async () => {
    if (!locationKey) return undefined
    const [all, without] = await Promise.all([itemsAt(db, locationKey), itemsWithoutCode(db, locationKey)])
    return { all: all.length, without: without.length }
  }, [locationKey])
  const name = options?.flatMap((g) => g.items).find((o) => o.value === locationKey)?.label ?? ''
  return (
    <Card withBorder data-testid="location-labels">
      <Title order={4}>Labels for a location</Title>
      <Group align="flex-end" mt="xs">
        <Select
          label="Location"
          placeholder="Warehouse, zone, bin or location"
          data={options ?? []}
          value={locationKey}
          onChange={setLocationKey}
          searchable
          w={380}
          leftSection={<IconMapPin size={16} />}
          data-testid="labels-location"
        />
        <Button
          variant="light"
          disabled={!locationKey}
          onClick={() =>
            locationKey &&
            open(`Location label: ${name}`, async () =>
              (await planLocationLabels(db, locationKey)).map((label) => ({ label }))
            )
          }
          data-testid="labels-location-one"
        >
          Location label
        </Button>
        <Button
          variant="light"
          disabled={!locationKey}
          onClick={() =>
            locationKey &&
            open(`Location labels: ${name} with its zones and bins`, async () =>
              (await planLocationLabels(db, locationKey, true)).map((label) => ({ label }))
            )
          }
        >
          With its zones and bins
        </Button>
      </Group>
      {locationKey && counts && (
        <Group mt="sm">
          <Button
            disabled={counts.without === 0}
            leftSection={<IconTag size={18} />}
            onClick={() =>
              open(`Item labels: items at ${name} with no code`, async () =>
                planItemLabels(db, await itemsWithoutCode(db, locationKey))
              )
            }
            data-testid="labels-items-without-code"
          >
            Items here with no code ({counts.without})
          </Button>
          <Button
            variant="default"
            disabled={counts.all === 0}
            onClick={() =>
              open(`Item labels: every item at ${name}`, async () =>
                planItemLabels(db, await itemsAt(db, locationKey))
              )
            }
          >
            Every item here ({counts.all})
          </Button>
        </Group>
      )}
    </Card>
  )
}

function ItemSelection({ open }: { open: OpenDialog }) {
  const { db } = useServices()
  const [text, setText] = useState('')
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const found = useLiveQuery(() => searchItems(db, text, 50), [text])
  const toggle = (key: string) =>
    setPicked((p) => {
      const next = new Set(p)
      if (!next.delete(key)) next.add(key)
      return next
    })
  return (
    <Card withBorder data-testid="item-selection">
      <Title order={4}>Item labels</Title>
      <Group align="flex-end" mt="xs">
        <TextInput
          label="Find items"
          placeholder="Name, SKU or code"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={380}
          data-testid="labels-item-search"
        />
        <Button
          disabled={picked.size === 0}
          leftSection={<IconTag size={18} />}
          onClick={() =>
            open(`Item labels: ${picked.size} selected`, async () => {
              const items = (await db.items.bulkGet([...picked])).filter((i) => i !== undefined)
              return planItemLabels(db, items)
            })
          }
          data-testid="labels-selected"
        >
          Print labels for {picked.size} selected
        </Button>
        {picked.size > 0 && (
          <Button variant="subtle" onClick={() => setPicked(new Set())}>
            Clear selection
          </Button>
        )}
      </Group>
      <Table mt="sm" highlightOnHover>
        <Table.Tbody>
          {(found ?? []).slice(0, 50).map((item) => {
            const on = picked.has(item.key)
            return (
              // A row is picked like a list row elsewhere: click, Enter or Space.
              <Table.Tr
                key={item.key}
                tabIndex={0}
                aria-selected={on}
                onClick={() => toggle(item.key)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return
                  e.preventDefault()
                  toggle(item.key)
                }}
                data-testid="labels-item-row"
              >
                <Table.Td w={40}>
                  {on ? (
                    <IconSquareCheckFilled size={22} aria-label="selected" />
                  ) : (
                    <IconSquare size={22} aria-label="not selected" />
                  )}
                </Table.Td>
                <Table.Td>{item.name}</Table.Td>
                <Table.Td ff="monospace">{item.sku}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {found && found.length === 0 && (
        <Text c="dimmed" size="sm">
          No item matches.
        </Text>
      )}
    </Card>
  )
}
