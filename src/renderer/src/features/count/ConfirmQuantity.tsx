import { useServices } from '../../app/services-context'
import { Button, Group } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'
import type { Item } from '../../../../shared/model/records'
import type { ScanContext } from '../../count/count-scan'
import { submitConfirmed, submitDrop } from './count-ui'

/**
 * The explicit confirmation a quantity far from expected needs before it is counted.
 * Nothing else confirms it: a next scan replaces the question here, and the quantity
 * waits under Unresolved (`issueId`) until confirmed or dropped there.
 */
export function ConfirmQuantity({
  countId,
  item,
  context,
  issueId
}: {
  countId: string
  item: Item
  context: ScanContext
  issueId: string | undefined
}) {
  const { db } = useServices()
  return (
    <Group data-testid="confirm-quantity">
      <Button
        color="orange"
        leftSection={<IconCheck size={18} />}
        onClick={() => void submitConfirmed(db, countId, item, context, issueId)}
        data-testid="confirm-quantity-yes"
      >
        Yes, count it
      </Button>
      <Button
        variant="default"
        leftSection={<IconX size={18} />}
        disabled={issueId === undefined}
        onClick={() => issueId && void submitDrop(db, issueId, `Not counted: ${item.name}. Scan it again.`)}
        data-testid="confirm-quantity-no"
      >
        No, drop it
      </Button>
    </Group>
  )
}
