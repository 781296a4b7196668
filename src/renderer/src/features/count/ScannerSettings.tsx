import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Slider,
  Stack,
  Switch,
  Text,
  TextInput
} from '@mantine/core'
import { useState } from 'react'
import { MAX_INTER_KEY_MS, MIN_INTER_KEY_MS } from '../../../../shared/scan/calibration'
import { playTone } from '../../scan/feedback'
import { useCountLimits } from '../../stores/count-limits'
import { parsePrefixes, useScannerSettings } from '../../scan/scanner-settings'
import { RepeatWindowField } from './RepeatWindowField'
import { ScannerCalibration } from './ScannerCalibration'

/** How the scanners on this PC are set up; saved on this PC only. */
export function ScannerSettings({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Scanner settings" size="lg">
      {opened && <SettingsForm onClose={onClose} />}
    </Modal>
  )
}

/** How far from expected a line may go before it must be confirmed and approved; per PC. */
function LimitFields() {
  const limits = useCountLimits()
  return (
    <Group grow align="flex-end">
      <NumberInput
        label="Confirm counts over (× expected)"
        description="And have a supervisor approve them before they are sent."
        min={2}
        max={1000}
        value={limits.factor}
        onChange={(v) => typeof v === 'number' && v >= 2 && limits.update({ factor: v })}
        data-testid="limit-factor"
      />
      <NumberInput
        label="…or a difference over (units)"
        description="Either way: found or missing."
        min={1}
        thousandSeparator=","
        value={limits.ceiling}
        onChange={(v) => typeof v === 'number' && v >= 1 && limits.update({ ceiling: v })}
        data-testid="limit-ceiling"
      />
    </Group>
  )
}

function SettingsForm({ onClose }: { onClose: () => void }) {
  const settings = useScannerSettings()
  const [prefixText, setPrefixText] = useState(settings.prefixes.join(' '))

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        A USB scanner types like a keyboard, only much faster. Stockroom tells its bursts from typing,
        wherever the cursor is.
      </Text>
      <TextInput
        label="Prefixes"
        description="Characters your scanners send before each code, e.g. § or ~. Separate several with spaces. Leave empty if none."
        value={prefixText}
        onChange={(e) => setPrefixText(e.currentTarget.value)}
        onBlur={() => settings.update({ prefixes: parsePrefixes(prefixText) })}
        data-testid="scanner-prefixes"
      />
      <Checkbox.Group
        label="Suffix"
        description="The key your scanners send after each code."
        value={settings.suffixes}
        onChange={(v) => {
          const suffixes = v.filter((s): s is 'Enter' | 'Tab' => s === 'Enter' || s === 'Tab')
          if (suffixes.length > 0) settings.update({ suffixes })
        }}
      >
        <Group mt="xs">
          <Checkbox value="Enter" label="Enter" />
          <Checkbox value="Tab" label="Tab" />
        </Group>
      </Checkbox.Group>
      <Group grow align="flex-end">
        <NumberInput
          label="Longest gap between keys (ms)"
          description="30–150. Raise it for a slow wireless scanner, or calibrate."
          min={MIN_INTER_KEY_MS}
          max={MAX_INTER_KEY_MS}
          step={5}
          value={settings.maxInterKeyMs}
          onChange={(v) =>
            typeof v === 'number' &&
            v >= MIN_INTER_KEY_MS &&
            v <= MAX_INTER_KEY_MS &&
            settings.update({ maxInterKeyMs: v })
          }
          data-testid="scanner-max-gap"
        />
        <NumberInput
          label="Shortest code"
          description="Shorter bursts count as typing."
          min={2}
          max={20}
          value={settings.minLength}
          onChange={(v) => typeof v === 'number' && settings.update({ minLength: v })}
        />
      </Group>
      <ScannerCalibration />
      <RepeatWindowField />
      <LimitFields />
      <Switch
        label="Sound on every scan"
        checked={settings.sound}
        onChange={(e) => settings.update({ sound: e.currentTarget.checked })}
      />
      <div>
        <Text size="sm" fw={500}>
          Volume
        </Text>
        <Slider
          min={0}
          max={1}
          step={0.05}
          value={settings.volume}
          onChange={(volume) => settings.update({ volume })}
          disabled={!settings.sound}
          label={(v) => `${Math.round(v * 100)} %`}
        />
      </div>
      <Group>
        <Text size="sm">Try:</Text>
        <Button size="xs" color="green" variant="light" onClick={() => playTone('ok')}>
          Counted
        </Button>
        <Button size="xs" color="orange" variant="light" onClick={() => playTone('unknown')}>
          Unknown
        </Button>
        <Button size="xs" color="red" variant="light" onClick={() => playTone('error')}>
          Error
        </Button>
      </Group>
      <Group justify="space-between">
        <Button
          variant="subtle"
          onClick={() => {
            settings.reset()
            setPrefixText('')
          }}
        >
          Reset to defaults
        </Button>
        <Button
          onClick={() => {
            settings.update({ prefixes: parsePrefixes(prefixText) })
            onClose()
          }}
        >
          Done
        </Button>
      </Group>
    </Stack>
  )
}
