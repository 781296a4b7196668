import { Group, NumberInput, Switch } from '@mantine/core'
import { MAX_REPEAT_WINDOW_MS, MIN_REPEAT_WINDOW_MS } from '../../../../shared/scan/repeat-filter'
import { useScannerSettings } from '../../scan/scanner-settings'

/** "Ignore the same code scanned again within N ms": off by default, per PC. */
export function RepeatWindowField() {
  const settings = useScannerSettings()
  return (
    <Group align="flex-end" grow>
      <Switch
        label="Ignore the same code scanned again"
        description="For scanners that read a label twice. Off: every scan counts."
        checked={settings.ignoreRepeats}
        onChange={(e) => settings.update({ ignoreRepeats: e.currentTarget.checked })}
        data-testid="scanner-ignore-repeats"
      />
      <NumberInput
        label="…within (ms)"
        min={MIN_REPEAT_WINDOW_MS}
        max={MAX_REPEAT_WINDOW_MS}
        step={100}
        disabled={!settings.ignoreRepeats}
        value={settings.repeatWindowMs}
        onChange={(v) =>
          typeof v === 'number' &&
          v >= MIN_REPEAT_WINDOW_MS &&
          v <= MAX_REPEAT_WINDOW_MS &&
          settings.update({ repeatWindowMs: v })
        }
        data-testid="scanner-repeat-window"
      />
    </Group>
  )
}
