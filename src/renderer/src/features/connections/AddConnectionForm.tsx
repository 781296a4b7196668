import { useServices } from '../../app/services-context'
import { Button, Card, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { vendorId, vendorNames, type VendorId } from '../../../../shared/model/vendor'
import { vendorProfiles } from '../../../../shared/vendors/profiles'

/**
 * Field errors come from main's validation of the request, so the rules live in one place.
 * What a person enters to connect (an API key, or an email and password) is the vendor
 * profile's `credentials`.
 */
export function AddConnectionForm({ onDone }: { onDone: (addedId?: string) => void }) {
  const { host } = useServices()
  const [vendor, setVendor] = useState<VendorId>('frostbyte')
  const [label, setLabel] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [apiKey, setApiKey] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    const login = vendorProfiles[vendor].credentials === 'login'
    const reply = await host.call('connections:create', {
      vendor,
      label,
      baseUrl,
      ...(login ? { login: { email, password } } : { apiKey })
    })
    setBusy(false)
    if (reply.ok) {
      notifications.show({
        color: 'teal',
        title: 'Connection added',
        message: `${reply.value.label} will sync now.`
      })
      onDone(reply.value.id)
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
          description={vendorProfiles[vendor].baseUrlHint}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.currentTarget.value)}
          error={errors.baseUrl}
        />
        {vendorProfiles[vendor].credentials === 'login' ? (
          <>
            <TextInput
              label="Email"
              description={`The email you sign in to ${vendorNames[vendor]} with.`}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors['login.email'] ?? errors.login}
              autoComplete="off"
            />
            <PasswordInput
              data-secret
              label="Password"
              description="Stored encrypted on this PC and sent only to log in; it is never shown again."
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors['login.password']}
              autoComplete="off"
            />
          </>
        ) : (
          <PasswordInput
            data-secret
            label="API key"
            description="Stored encrypted on this PC; it is never shown again."
            value={apiKey}
            onChange={(e) => setApiKey(e.currentTarget.value)}
            error={errors.apiKey}
            autoComplete="off"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
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
