import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title
} from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconPlus, IconTrash } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import type { HostClient } from '../../../../shared/host-api/client'
import type { Printer } from '../../../../shared/host-api/labels'
import { LABEL_SIZES, sizeValue, sizeWords } from './label-sizes'

type Outcome = { printerId: string; ok: boolean; message: string; zpl?: string }

/**
 * The network label printers this PC knows (kept on this PC): address, port
 * (9100 unless the printer says otherwise) and label size; a test print shows
 * exactly what was sent.
 */
export function PrintersPanel({ host }: { host: HostClient }) {
  const [printers, setPrinters] = useState<Printer[]>([])
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const [port, setPort] = useState<number | string>(9100)
  const [size, setSize] = useState(sizeValue(LABEL_SIZES[0]!.size))
  const [dpi, setDpi] = useState('203')
  const [error, setError] = useState<string>()
  const [outcome, setOutcome] = useState<Outcome>()
  const [busy, setBusy] = useState<string>()

  // Bumped after a change: the list is read again.
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  useEffect(() => {
    let live = true
    void host.call('printers:list', {}).then((r) => {
      if (live && r.ok) setPrinters(r.value.printers)
    })
    return () => {
      live = false
    }
  }, [host, version])

  const add = async () => {
    setError(undefined)
    const stock = LABEL_SIZES.find((s) => s.value === size)!.size
    const r = await host.call('printers:save', {
      name: name.trim() || address.trim(),
      host: address.trim(),
      port: typeof port === 'number' ? port : Number(port) || 9100,
      size: { ...stock, dpi: Number(dpi) as 203 | 300 | 600 }
    })
    if (!r.ok)
      return setError(r.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || r.error.message)
    setName('')
    setAddress('')
    setPort(9100)
    reload()
  }

  const testPrint = async (p: Printer) => {
    setBusy(p.id)
    setOutcome(undefined)
    try {
      const r = await host.call('printers:testPrint', { printerId: p.id })
      setOutcome(
        r.ok
          ? {
              printerId: p.id,
              ok: true,
              message: `Test label sent to ${p.name}: ${r.value.bytes.toLocaleString()} bytes.`,
              zpl: r.value.zpl
            }
          : { printerId: p.id, ok: false, message: r.error.message }
      )
    } finally {
      setBusy(undefined)
    }
  }

  const remove = async (p: Printer) => {
    await host.call('printers:remove', { id: p.id })
    reload()
  }

  return (
    <Card withBorder data-testid="printers">
      <Title order={4}>Label printers on this PC</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Zebra-compatible network printers get raw ZPL on their port (9100 unless set otherwise). For any other
        printer, print labels as a PDF at their exact size.
      </Text>
      {printers.length > 0 && (
        <Table mb="sm">
          <Table.Tbody>
            {printers.map((p) => (
              <Table.Tr key={p.id} data-testid="printer-row">
                <Table.Td fw={600}>{p.name}</Table.Td>
                <Table.Td ff="monospace">
                  {p.host}:{p.port}
                </Table.Td>
                <Table.Td>{sizeWords(p.size)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button
                      variant="light"
                      onClick={() => void testPrint(p)}
                      loading={busy === p.id}
                      data-testid="printer-test"
                    >
                      Test print
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      onClick={() => void remove(p)}
                      aria-label={`Remove ${p.name}`}
                    >
                      <IconTrash size={18} />
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {outcome && (
        <Alert
          mb="sm"
          color={outcome.ok ? 'teal' : 'red'}
          icon={outcome.ok ? <IconCheck /> : <IconAlertTriangle />}
          data-testid={outcome.ok ? 'printer-test-done' : 'printer-test-error'}
        >
          {outcome.message}
          {outcome.zpl && (
            <Code block mt="xs" data-testid="printer-test-sent">
              {outcome.zpl}
            </Code>
          )}
        </Alert>
      )}
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput
            label="Name"
            placeholder="Packing desk"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={180}
          />
          <TextInput
            label="Address"
            placeholder="192.168.1.40"
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            w={200}
            data-testid="printer-address"
          />
          <NumberInput
            label="Port"
            value={port}
            onChange={setPort}
            min={1}
            max={65535}
            hideControls
            w={110}
            data-testid="printer-port"
          />
          <Select
            label="Label size"
            data={LABEL_SIZES.map(({ value, label }) => ({ value, label }))}
            value={size}
            onChange={(v) => v && setSize(v)}
            allowDeselect={false}
            w={240}
          />
          <Select
            label="Resolution"
            data={[
              { value: '203', label: '203 dpi' },
              { value: '300', label: '300 dpi' },
              { value: '600', label: '600 dpi' }
            ]}
            value={dpi}
            onChange={(v) => v && setDpi(v)}
            allowDeselect={false}
            w={120}
          />
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => void add()}
            disabled={address.trim() === ''}
            data-testid="printer-add"
          >
            Add printer
          </Button>
        </Group>
        {error && (
          <Alert color="red" icon={<IconAlertTriangle />} data-testid="printer-error">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  )
}
