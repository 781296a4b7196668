import { Badge, Button, Card, Group, PasswordInput, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useServices } from '../../app/services-context'
import { useSite } from '../../stores/site'
import type { SiteStatus } from '../../../../shared/host-api/site'

const badge = {
  off: { color: 'gray', words: 'Not set' },
  connected: { color: 'teal', words: 'Connected' },
  unreachable: { color: 'orange', words: 'Unreachable' }
} as const

const changes = (n: number) => `${n} shared change${n === 1 ? '' : 's'}`

/** What the status means for the people at this PC, in one line. */
export function siteWords(s: SiteStatus): string {
  if (!s.configured)
    return 'Not set: this PC keeps its barcode links and counts to itself (files carry them).'
  if (s.state === 'connected')
    return s.waiting > 0
      ? `Connected; sending ${changes(s.waiting)} made here.`
      : 'Connected: links and count parts are shared with the other PCs at this site.'
  const why = s.error ? ` — ${s.error}${/[.?!]$/.test(s.error) ? '' : '.'}` : '.'
  return `Unreachable${why} Scanning goes on; ${changes(s.waiting)} ${s.waiting === 1 ? 'waits' : 'wait'} on this PC and go once it is back.`
}

/**
 * The optional site database (PostgreSQL) that PCs at one site share links,
 * count parts and the vendor budget through. The connection string is kept
 * like a vendor key: typed once, stored encrypted by main, never shown again —
 * the card says only whether one is set.
 */
export function SiteDatabaseCard() {
  const { host } = useServices()
  const status = useSite((s) => s.status)
  const setStatus = useSite((s) => s.set)
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)

  const save = async (connectionString: string | null) => {
    setBusy(true)
    const reply = await host.call('site:configure', { connectionString })
    setBusy(false)
    if (!reply.ok) {
      notifications.show({ color: 'red', title: 'Site database not saved', message: reply.error.message })
      return
    }
    setStatus(reply.value)
    setValue('')
    notifications.show({
      color: reply.value.state === 'connected' || connectionString === null ? 'teal' : 'orange',
      title: connectionString === null ? 'Site database forgotten' : 'Site database saved',
      message: siteWords(reply.value)
    })
  }
  const test = async () => {
    setBusy(true)
    const reply = await host.call('site:test', value ? { connectionString: value } : {})
    setBusy(false)
    const r = reply.ok ? reply.value : { ok: false, message: reply.error.message }
    notifications.show({
      color: r.ok ? 'teal' : 'red',
      title: r.ok ? 'Site database connected' : 'Site database not reachable',
      message: r.message
    })
  }

  return (
    <Card withBorder data-testid="site-database">
      <Stack gap="sm">
        <Group gap="xs">
          <Text fw={600}>Site database</Text>
          <Badge color={badge[status.state].color} variant="outline" data-testid="site-state">
            {badge[status.state].words}
          </Badge>
          <Badge variant="light" color={status.configured ? 'teal' : 'gray'}>
            Connection string {status.configured ? 'set' : 'not set'}
          </Badge>
        </Group>
        <Text size="sm" c={status.state === 'unreachable' ? 'orange' : 'dimmed'} data-testid="site-words">
          {siteWords(status)}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (value.trim()) void save(value)
          }}
        >
          <Group align="end" gap="xs">
            <PasswordInput
              data-secret
              style={{ flex: 1 }}
              label="Connection string"
              description="PostgreSQL, e.g. postgres://user:password@server:5432/stockroom. Stored encrypted on this PC; never shown again."
              autoComplete="off"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
            />
            <Button type="submit" disabled={busy || !value.trim()}>
              {status.configured ? 'Replace' : 'Save'}
            </Button>
            <Button
              variant="light"
              onClick={() => void test()}
              disabled={busy || (!value && !status.configured)}
            >
              Test
            </Button>
            {status.configured && (
              <Button variant="subtle" color="red" onClick={() => void save(null)} disabled={busy}>
                Forget
              </Button>
            )}
          </Group>
        </form>
      </Stack>
    </Card>
  )
}
