import { useServices } from '../../app/services-context'
import { Button, Group } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'
import type { Item } from '../../../../shared/model/records'
import type { ScanContext } from '../../count/count-scan'
import { submitConfirmed, useCountUi } from './count-ui'

/**
 * The explicit confirmation a quantity far from expected needs before it is counted.
 * Nothing else confirms it: the next scan replaces the question and the entry is dropped.
 */
export function ConfirmQuantity({
  countId,
  item,
  context
}: {
  countId: string
  item: Item
  context: ScanContext
}) {
  const { db } = useServices()
  return (
    <Group data-testid="confirm-quantity">
      <Button
        color="orange"
        leftSection={<IconCheck size={18} />}
        onClick={() => void submitConfirmed(db, countId, item, context)}
        data-testid="confirm-quantity-yes"
      >
        Yes, count it
      </Button>
      <Button
        variant="default"
        leftSection={<IconX size={18} />}
        onClick={() =>
          useCountUi
            .getState()
            .show({ status: 'info', message: `Not counted: ${item.name}. Scan it again.` }, 'neutral')
        }
        data-testid="confirm-quantity-no"
      >
        No, drop it
      </Button>
    </Group>
  )
}
