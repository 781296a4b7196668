import { useServices } from '../../app/services-context'
import { Alert, Button, Card, Group, Select, Stack, Switch, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconPlayerPlay, IconPlugConnected } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { Location } from '../../../../shared/model/records'
import type { VendorId } from '../../../../shared/model/vendor'
import { vendorProfiles } from '../../../../shared/vendors/profiles'
import { WHOLE_STOCK_CODE } from '../../../../shared/vendors/whole-stock'
import { defaultCountConnection } from '../../count/default-connection'
import { goToLocation } from '../../count/location-switch'
import { activeCount, locationPath } from '../../count/sessions'
import { handleGlobalScan } from '../shell/use-global-scanner'
import { useScanner } from '../../scan/scanner'
import { useUi } from '../../stores/ui'
import { EmptyState } from '../shell/EmptyState'
import { submitScan, submitStartLabel, useCountUi } from './count-ui'

const kindLabel: Record<Location['kind'], string> = {
  warehouse: 'warehouse',
  zone: 'zone',
  bin: 'bin',
  location: 'location'
}

/** Locations of a connection for a picker: one group per warehouse (or top-level location), in path order. */
function locationOptions(locations: Location[], wholeStockOf?: string) {
  const byKey = new Map(locations.map((l) => [l.key, l]))
  const top = (l: Location): Location => {
    let t = l
    const seen = new Set<string>()
    while (t.parentKey && byKey.has(t.parentKey) && !seen.has(t.key)) {
      seen.add(t.key)
      t = byKey.get(t.parentKey)!
    }
    return t
  }
  const groups = new Map<string, { group: string; items: { value: string; label: string }[] }>()
  const rows = locations
    .map((l) => ({ l, path: locationPath(l, byKey), root: top(l) }))
    .sort((a, b) => a.path.localeCompare(b.path, undefined, { numeric: true }))
  for (const { l, path, root } of rows) {
    const group = groups.get(root.key) ?? { group: root.name, items: [] }
    groups.set(root.key, group)
    group.items.push({
      value: l.key,
      label:
        wholeStockOf && l.code === WHOLE_STOCK_CODE
          ? `${l.name} (everything ${wholeStockOf} holds; it keeps no locations)`
          : l.key === root.key
            ? `${l.name} (whole ${kindLabel[l.kind]})`
            : `${path} (${kindLabel[l.kind]})`
    })
  }
  return [...groups.values()]
}

/** The vendor's name where its count location is its whole stock. */
function wholeStockName(connection: { vendor: VendorId } | undefined): string | undefined {
  const profile = connection && vendorProfiles[connection.vendor]
  return profile?.counts.places.kind === 'whole-stock' ? profile.name : undefined
}

export function StartCount() {
  const { db } = useServices()
  const go = useUi((s) => s.go)
  const connections = useLiveQuery(() => db.connections.toArray(), [])
  const [connectionId, setConnectionId] = useState<string | null>(null)
  const preferred = useLiveQuery(() => defaultCountConnection(db), [])
  const chosenConnection = connectionId ?? preferred ?? null
  const [locationKey, setLocationKey] = useState<string | null>(null)
  const [blind, setBlind] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)

  // A location label starts the count there; any other scan does what it does on every screen.
  useScanner(async (code, from) => {
    // A label has just started a count, and this screen is not gone yet: the scans after it are counted there.
    const started = await activeCount(db)
    if (started) return submitScan(db, started.id, code, from?.prefix)
    const { label, refusal } = await submitStartLabel(db, code, blind)
    if (!label) await handleGlobalScan(db, code)
    else setError(refusal ?? null)
  })

  const options = useLiveQuery(
    async () =>
      chosenConnection
        ? locationOptions(
            await db.locations.where('connectionId').equals(chosenConnection).toArray(),
            wholeStockName(await db.connections.get(chosenConnection))
          )
        : [],
    [chosenConnection]
  )
  const here = useLiveQuery(async () => {
    if (!locationKey) return null
    const location = await db.locations.get(locationKey)
    const rows = await db.stock.where('locationKey').equals(locationKey).toArray()
    return { location, items: new Set(rows.map((r) => r.itemKey)).size }
  }, [locationKey])

  if (connections && connections.length === 0) {
    return (
      <EmptyState
        icon={IconPlugConnected}
        title="No connection to count for"
        action={
          <Button variant="light" onClick={() => go('connections')}>
            Add a connection
          </Button>
        }
      >
        A count checks stock against the copy of a connected system. Connect one first; counting then works
        offline.
      </EmptyState>
    )
  }

  const start = async () => {
    if (!chosenConnection || !locationKey) return
    setStarting(true)
    setError(null)
    try {
      // A count kept aside at this location resumes rather than a second one starting there.
      await goToLocation(db, { connectionId: chosenConnection, locationKey, blind })
      useCountUi.getState().clear()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setStarting(false)
    }
  }

  return (
    <Card withBorder padding="lg" maw={720} data-testid="count-start">
      <Stack>
        <div>
          <Title order={4}>Start a count</Title>
          <Text size="sm" c="dimmed">
            Pick what you are counting, or scan its location label (warehouse, zone or bin), then scan
            everything that stands there. Every scan is saved on this PC at once; the differences are sent
            when you submit, even if the network is down now.
          </Text>
        </div>
        {(connections?.length ?? 0) > 1 && (
          <Select
            label="Connection"
            data={(connections ?? []).map((c) => ({ value: c.id, label: c.label }))}
            value={chosenConnection}
            onChange={(v) => {
              setConnectionId(v)
              setLocationKey(null)
            }}
            allowDeselect={false}
            data-testid="count-connection"
          />
        )}
        <Select
          label="Location"
          description="A warehouse, zone, bin or location"
          placeholder={options && options.length === 0 ? 'No locations synced yet' : 'Type to search'}
          data={options ?? []}
          value={locationKey}
          onChange={setLocationKey}
          searchable
          limit={200}
          maxDropdownHeight={320}
          nothingFoundMessage="No location matches"
          size="md"
          data-testid="count-location"
        />
        {here?.location &&
          (here.items > 0 ? (
            <Text size="sm" data-testid="count-location-stock">
              {here.items.toLocaleString()} item{here.items === 1 ? ' has' : 's have'} stock recorded at this{' '}
              {kindLabel[here.location.kind]}.
            </Text>
          ) : (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={`No stock is recorded at this ${kindLabel[here.location.kind]}`}
              data-testid="count-location-stock"
            >
              Every expected quantity will be 0, so everything you count shows as a difference.
              {(here.location.kind === 'zone' || here.location.kind === 'bin') &&
                ' This system may keep stock per warehouse rather than per zone or bin: count the whole warehouse to compare with its stock.'}
            </Alert>
          ))}
        <Switch
          label="Blind count"
          description="Hide expected quantities while counting, so nobody counts towards a number. They show in the review."
          checked={blind}
          onChange={(e) => setBlind(e.currentTarget.checked)}
          data-testid="count-blind"
        />
        {error && (
          <Alert color="red" data-testid="count-start-error">
            {error}
          </Alert>
        )}
        <Group>
          <Button
            size="md"
            leftSection={<IconPlayerPlay size={18} />}
            disabled={!locationKey}
            loading={starting}
            onClick={() => void start()}
            data-testid="count-start-button"
          >
            Start count
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
