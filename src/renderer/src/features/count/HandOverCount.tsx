import { useServices } from '../../app/services-context'
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { IconDownload, IconFileExport } from '@tabler/icons-react'
import { handOverCount } from '../../count/hand-over'
import { CountAction } from './CountAction'
import { counterName, useCounter } from '../../stores/counter'
import { useCountUi } from './count-ui'
import { downloadText } from './download'

export interface HandedOver {
  where: string
  counter: string
  scans: number
  filename: string
  /** Blob URL of the file, to download it again; revoked when the panel goes. */
  url: string
}

/**
 * "Hand over as file": when two PCs count one location, one of them submits. The
 * other hands its count over as a file, which closes it here, so no difference is
 * sent twice.
 */
export function HandOverButton({
  countId,
  where,
  disabled,
  onHandedOver
}: {
  countId: string
  where: string
  disabled: boolean
  onHandedOver: (handed: HandedOver) => void
}) {
  const { db } = useServices()
  const open = () =>
    modals.openConfirmModal({
      title: 'Hand this count over as a file?',
      children: (
        <Text size="sm">
          When several people count {where}, one PC submits the count. This PC saves its scans as a file
          (counted by {counterName()}) and closes its count without sending anything. On the PC that submits,
          choose “Bring in a count file”: the scans are added to its count there, summed per item.
        </Text>
      ),
      labels: { confirm: 'Save the file and close this count', cancel: 'Keep counting' },
      confirmProps: { 'data-testid': 'confirm-hand-over' },
      onConfirm: async () => {
        try {
          const counter = counterName()
          const { file, filename, text } = await handOverCount(db, countId, {
            counter,
            pc: useCounter.getState().pc
          })
          const url = downloadText(filename, text, 'application/json')
          useCountUi.getState().clear()
          onHandedOver({ where, counter, scans: file.events.length, filename, url })
        } catch (e) {
          useCountUi
            .getState()
            .show({ status: 'failed', message: e instanceof Error ? e.message : String(e) }, 'error')
        }
      }
    })
  return (
    <CountAction
      label="Hand over as file"
      tip="Hand over as file (another PC submits this location)"
      icon={<IconFileExport size={18} />}
      disabled={disabled}
      onClick={open}
      testId="hand-over"
    />
  )
}

export function HandedOverNotice({ handed, onDismiss }: { handed: HandedOver; onDismiss: () => void }) {
  return (
    <Alert
      color="blue"
      icon={<IconFileExport size={20} />}
      title={`Count of ${handed.where} handed over`}
      withCloseButton
      onClose={onDismiss}
      data-testid="hand-over-result"
    >
      <Stack gap="xs">
        <Text size="sm">
          {handed.counter}’s {handed.scans} scan{handed.scans === 1 ? '' : 's'} are in the file. Nothing was
          sent from this PC: bring the file in on the PC that submits this location’s count.
        </Text>
        <Group>
          <Anchor href={handed.url} download={handed.filename} data-testid="hand-over-file">
            <Group gap={6}>
              <IconDownload size={16} />
              Download {handed.filename} again
            </Group>
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  )
}
