import { Button, Card, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { vendorId, vendorNames, type VendorId } from '../../../../shared/model/vendor'
import { getHost } from '../../bridge/host'

/** Field errors come from main's validation of the request, so the rules live in one place. */
export function AddConnectionForm({ onDone }: { onDone: () => void }) {
  const [vendor, setVendor] = useState<VendorId>('frostbyte')
  const [label, setLabel] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [apiKey, setApiKey] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    const reply = await getHost().call('connections:create', { vendor, label, baseUrl, apiKey })
    setBusy(false)
    if (reply.ok) {
      notifications.show({
        color: 'teal',
        title: 'Connection added',
        message: `${reply.value.label} will sync now.`
      })
      onDone()
      return
    }
    const fieldErrors: Record<string, string> = {}
    for (const issue of reply.error.issues ?? []) fieldErrors[issue.path] ??= issue.message
    setErrors(fieldErrors)
    if (!reply.error.issues)
      notifications.show({ color: 'red', title: 'Could not add', message: reply.error.message })
  }

  return (
    <Card withBorder mb="md" data-testid="add-connection">
      <Stack>
        <Select
          label="System"
          data={vendorId.options.map((v) => ({ value: v, label: vendorNames[v] }))}
          value={vendor}
          onChange={(v) => v && setVendor(v as VendorId)}
          allowDeselect={false}
        />
        <TextInput
          label="Name"
          placeholder="Main warehouse"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors.label}
        />
        <TextInput
          label="API address"
          placeholder="https://api.example.com"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.currentTarget.value)}
          error={errors.baseUrl}
        />
        <PasswordInput
          data-secret
          label="API key"
          description="Stored encrypted on this PC; it is never shown again."
          value={apiKey}
          onChange={(e) => setApiKey(e.currentTarget.value)}
          error={errors.apiKey}
          autoComplete="off"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button onClick={submit} loading={busy}>
            Connect
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
