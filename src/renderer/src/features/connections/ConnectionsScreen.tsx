import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Tooltip
} from '@mantine/core'
import { useSync } from '../../stores/sync'
import { MuteSwitch } from '../shell/MuteSwitch'
import { SyncProgress } from './SyncProgress'
import { LaneButton, LaneLine } from './LaneControls'
import { ResourceFailures } from './ResourceFailures'
import { VendorCapabilities } from './VendorCapabilities'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconPlugConnected, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { vendorNames } from '../../../../shared/model/vendor'
import { vendorProfiles } from '../../../../shared/vendors/profiles'
import type { ConnectionRow } from '../../../../shared/model/records'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'
import { AddConnectionForm } from './AddConnectionForm'
import { SiteDatabaseCard } from './SiteDatabaseCard'

const statusColour = { new: 'gray', ok: 'teal', paused: 'orange', error: 'red' } as const

export function ConnectionsScreen() {
  const { scheduler } = useServices()
  const connections = useConnections()
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<string>()
  const running = useSync((s) => s.running)
  return (
    <>
      <ScreenHeader
        title="Connections"
        subtitle="The systems Stockroom keeps a copy of. Keys are stored encrypted on this PC and never shown again."
        actions={
          <>
            {running ? (
              <Button
                variant="default"
                color="red"
                onClick={() => scheduler.cancel()}
                data-testid="sync-cancel"
              >
                Stop sync
              </Button>
            ) : (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} />}
                onClick={() => void scheduler.syncAll()}
                disabled={connections.length === 0}
                data-testid="sync-all"
              >
                Sync now
              </Button>
            )}
            {!adding && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                Add connection
              </Button>
            )}
          </>
        }
      />
      {adding && (
        <AddConnectionForm
          onDone={(id) => {
            setAdding(false)
            setAdded(id)
          }}
        />
      )}
      {connections.length === 0 && !adding ? (
        <EmptyState icon={IconPlugConnected} title="No connections yet">
          Connect Frostbyte Pro, Inventora, ForgeMRP, FractionERP or Figgro with its API address and key.
          Stockroom then keeps a local copy you can search and count against offline.
        </EmptyState>
      ) : (
        <Stack>
          {connections.map((c) => (
            <ConnectionCard key={c.id} connection={c} justAdded={c.id === added} />
          ))}
        </Stack>
      )}
      <Box mt="lg">
        <SiteDatabaseCard />
      </Box>
    </>
  )
}

function ConnectionCard({ connection: c, justAdded }: { connection: ConnectionRow; justAdded: boolean }) {
  const { host, scheduler, outbox } = useServices()
  // A new connection is listed last: it is brought to the middle of the screen, where its first
  // sync (or its first error) shows as the card grows, clear of the status bar.
  const card = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (justAdded) card.current?.scrollIntoView({ block: 'center' })
  }, [justAdded])
  const remove = () =>
    modals.openConfirmModal({
      title: `Remove ${c.label}?`,
      children: (
        <Text size="sm">
          Stockroom forgets its key and stops syncing it. Nothing is deleted in {vendorNames[c.vendor]}{' '}
          itself.
        </Text>
      ),
      labels: { confirm: 'Remove', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const reply = await host.call('connections:remove', { id: c.id })
        if (!reply.ok)
          notifications.show({ color: 'red', title: 'Could not remove', message: reply.error.message })
      }
    })
  const login = vendorProfiles[c.vendor].credentials === 'login'
  const replaceKey = () => {
    // Closure fields, not state: the modal's content is rendered once, outside this component.
    let apiKey = ''
    let email = ''
    let password = ''
    modals.openConfirmModal({
      title: login ? `Log in again to ${c.label}` : `New API key for ${c.label}`,
      children: login ? (
        <Stack gap="sm">
          <TextInput
            label="Email"
            autoComplete="off"
            data-autofocus
            onChange={(e) => (email = e.currentTarget.value)}
          />
          <PasswordInput
            data-secret
            label="Password"
            description="Stored encrypted on this PC and sent only to log in; never shown again."
            autoComplete="off"
            onChange={(e) => (password = e.currentTarget.value)}
          />
        </Stack>
      ) : (
        <PasswordInput
          data-secret
          label="API key"
          description="Stored encrypted on this PC; never shown again. Queued writes are sent with it."
          autoComplete="off"
          data-autofocus
          onChange={(e) => (apiKey = e.currentTarget.value)}
        />
      ),
      labels: { confirm: login ? 'Save login' : 'Save key', cancel: 'Cancel' },
      onConfirm: async () => {
        const reply = await host.call(
          'connections:updateSecret',
          login ? { id: c.id, login: { email, password } } : { id: c.id, apiKey }
        )
        notifications.show(
          reply.ok
            ? {
                color: 'teal',
                title: login ? 'Login saved' : 'Key saved',
                message: `${c.label} will sync and send its queued writes.`
              }
            : {
                color: 'red',
                title: login ? 'Login not saved' : 'Key not saved',
                message: reply.error.message
              }
        )
        if (reply.ok) {
          void scheduler.syncAll()
          outbox.kick()
        }
      }
    })
  }
  const test = async () => {
    const reply = await host.call('connections:test', { id: c.id })
    const result = reply.ok ? reply.value : { ok: false, message: reply.error.message }
    notifications.show({
      color: result.ok ? 'teal' : 'red',
      title: result.ok ? 'Connection works' : 'Connection failed',
      message: result.message
    })
  }
  return (
    <Card withBorder data-testid="connection-card" ref={card}>
      <Group justify="space-between">
        <div>
          <Group gap="xs">
            <Text fw={600}>{c.label}</Text>
            {c.demo && <Badge variant="light">Demo</Badge>}
            <Badge color={statusColour[c.status]} variant="outline">
              {c.status}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {vendorNames[c.vendor]} · {c.baseUrl}
          </Text>
          {c.statusMessage && (
            <Text size="sm" c={c.status === 'ok' ? 'dimmed' : 'red'}>
              {c.statusMessage}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <LaneButton connection={c} />
          <Button size="xs" variant="light" onClick={test}>
            Test
          </Button>
          <Button
            size="xs"
            variant={c.status === 'paused' ? 'filled' : 'subtle'}
            onClick={replaceKey}
            data-testid="replace-key"
          >
            {login
              ? c.status === 'paused'
                ? 'Enter password again'
                : 'Change login'
              : c.status === 'paused'
                ? 'Enter new key'
                : 'Replace key'}
          </Button>
          <Tooltip label="Remove connection">
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${c.label}`} onClick={remove}>
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <VendorCapabilities vendor={c.vendor} />
      <ResourceFailures connectionId={c.id} />
      <LaneLine connectionId={c.id} />
      <SyncProgress connectionId={c.id} />
      {/* Only where the vendor's records carry minimum levels: elsewhere a notice could never fire. */}
      {vendorProfiles[c.vendor].minimumLevels && (
        <Box mt="md">
          <MuteSwitch muteKey={c.id} kind="connection" label="Notify me when items run low here" />
        </Box>
      )}
    </Card>
  )
}
