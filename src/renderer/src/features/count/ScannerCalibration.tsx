import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import {
  calibrate,
  calibrationWords,
  createBurstRecorder,
  type Calibration,
  type MeasuredBurst
} from '../../../../shared/scan/calibration'
import { playTone } from '../../scan/feedback'
import { captureKeys } from '../../scan/scanner'
import { useScannerSettings } from '../../scan/scanner-settings'
import { TestLabel } from './TestLabel'

/** Fewest characters a calibration burst must have: a few keys and Enter are a person. */
const CALIBRATION_MIN_LENGTH = 6

const outcomeColour: Record<Calibration['type'], string> = {
  set: 'green',
  again: 'blue',
  'too-short': 'orange',
  disagree: 'orange',
  'too-slow': 'red'
}

/**
 * "Calibrate: scan this test label": measures this PC's scanner from two of its own
 * bursts and sets the longest gap between keys from them. While it listens, every
 * key goes to the measurement (however slow), none to a field or a count.
 */
export function ScannerCalibration() {
  const [listening, setListening] = useState(false)
  const [outcome, setOutcome] = useState<Calibration | null>(null)

  useEffect(() => {
    if (!listening) return
    const { suffixes, prefixes } = useScannerSettings.getState()
    const recorder = createBurstRecorder({ suffixes, prefixes })
    const bursts: MeasuredBurst[] = []
    return captureKeys((key) => {
      if (key.key === 'Escape' || key.ctrlKey || key.altKey || key.metaKey) {
        recorder.reset()
        return false
      }
      const recorded = recorder.onKey(key.key, key.timeStamp, { repeat: key.repeat ?? false })
      if (recorded.type !== 'burst') return recorded.type === 'held'
      bursts.push(recorded.burst)
      const result = calibrate(bursts, { minLength: CALIBRATION_MIN_LENGTH })
      setOutcome(result)
      if (result?.type === 'set') {
        useScannerSettings.getState().update({ maxInterKeyMs: result.maxInterKeyMs })
        setListening(false)
        playTone('ok')
      } else if (result?.type !== 'again') playTone('error')
      return true
    })
  }, [listening])

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs" data-testid="calibration" data-listening={listening}>
        <Group justify="space-between">
          <Text size="sm">Not sure how slow your scanner is? Let Stockroom measure it.</Text>
          {listening ? (
            <Button
              variant="default"
              size="xs"
              onClick={() => setListening(false)}
              data-testid="calibrate-stop"
            >
              Stop
            </Button>
          ) : (
            <Button
              variant="light"
              size="xs"
              onClick={() => {
                setOutcome(null)
                setListening(true)
              }}
              data-testid="calibrate-start"
            >
              Calibrate: scan this test label
            </Button>
          )}
        </Group>
        {listening && (
          <>
            <Text size="sm" fw={500} data-testid="calibration-prompt">
              Scan this label twice with the scanner. A printed label of any product works too.
            </Text>
            <TestLabel />
          </>
        )}
        {outcome && (
          <Alert
            color={outcomeColour[outcome.type]}
            data-testid="calibration-result"
            data-outcome={outcome.type}
          >
            {calibrationWords(outcome)}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
