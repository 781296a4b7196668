import { ActionIcon, Popover, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconUser, IconUsers } from '@tabler/icons-react'
import { useCounter } from '../../stores/counter'
import { useScannerSettings } from '../../scan/scanner-settings'

/** Who counts on this PC: goes on every scan, so two people's parts of a location can be told apart. */
export function CounterName() {
  const name = useCounter((s) => s.name)
  const pc = useCounter((s) => s.pc)
  const update = useCounter((s) => s.update)
  const prefixes = useScannerSettings((s) => s.prefixes)
  return (
    <TextInput
      w={170}
      size="md"
      aria-label="Counted by"
      title={`Counted by: kept on every scan (left blank, the scans are under this PC, ${pc})`}
      placeholder="Your name"
      leftSection={<IconUser size={18} />}
      rightSection={prefixes.length > 0 ? <ScannerHolders prefixes={prefixes} /> : null}
      value={name}
      onChange={(e) => update({ name: e.currentTarget.value })}
      data-testid="counter-name"
    />
  )
}

/** Two scanners on one PC, each sending its own prefix: who holds each one. */
function ScannerHolders({ prefixes }: { prefixes: string[] }) {
  const byPrefix = useCounter((s) => s.byPrefix)
  const update = useCounter((s) => s.update)
  return (
    <Popover position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <Tooltip label="Who holds each scanner">
          <ActionIcon variant="subtle" aria-label="Who holds each scanner" data-testid="scanner-holders">
            <IconUsers size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <Text size="sm">
            Each scanner sends its own prefix (Scanner settings). A scan is counted under its holder’s name; a
            scanner left blank counts under “Counted by”.
          </Text>
          {prefixes.map((prefix) => (
            <TextInput
              key={prefix}
              label={`Scanner sending ${prefix}`}
              value={byPrefix[prefix] ?? ''}
              onChange={(e) => update({ byPrefix: { ...byPrefix, [prefix]: e.currentTarget.value } })}
              data-testid="scanner-holder"
              data-prefix={prefix}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
