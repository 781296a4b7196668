import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react'
import type { SubmitResult } from '../../outbox/submit-count'
import { useUi } from '../../stores/ui'

export interface Submitted {
  result: SubmitResult
  where: string
  connectionLabel: string
  /** Blob URL of the exported CSV; made when the count was submitted and revoked when this panel goes. */
  csvUrl?: string
}

/** What became of a submitted count, in words: writes queued, or a CSV to take to the system by hand. */
export function SubmittedCount({ submitted, onDismiss }: { submitted: Submitted; onDismiss: () => void }) {
  const go = useUi((s) => s.go)
  const { result, where, connectionLabel, csvUrl } = submitted
  const differences = `${result.variances} line${result.variances === 1 ? '' : 's'} with a difference`

  if (result.outcome === 'exported' && result.csv) {
    return (
      <Alert
        color="blue"
        icon={<IconFileSpreadsheet size={20} />}
        title={`Count of ${where} exported as CSV`}
        withCloseButton
        onClose={onDismiss}
        data-testid="submit-result"
        data-outcome="exported"
      >
        <Stack gap="xs">
          <Text size="sm" data-testid="submit-reason">
            {result.csv.reason}
          </Text>
          <Text size="sm">
            {differences}. Enter the file in {connectionLabel} by hand or import it there.
          </Text>
          {csvUrl && (
            <Group>
              <Anchor href={csvUrl} download={result.csv.filename} data-testid="submit-csv">
                <Group gap={6}>
                  <IconDownload size={16} />
                  Download {result.csv.filename}
                </Group>
              </Anchor>
            </Group>
          )}
        </Stack>
      </Alert>
    )
  }

  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck size={20} />}
      title={`Count of ${where} submitted`}
      withCloseButton
      onClose={onDismiss}
      data-testid="submit-result"
      data-outcome={result.outcome}
    >
      <Stack gap="xs">
        <Text size="sm" data-testid="submit-summary">
          {result.outcome === 'nothing-to-send'
            ? `Everything matched what ${connectionLabel} expects: there is nothing to send.`
            : `${result.entries} write${result.entries === 1 ? '' : 's'} queued for ${connectionLabel} (${differences}). ` +
              'They are sent as soon as the connection is online, exactly once, even if this PC restarts first.'}
        </Text>
        {result.entries > 0 && (
          <Group>
            <Button size="xs" variant="light" onClick={() => go('outbox')}>
              See the outbox
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  )
}
