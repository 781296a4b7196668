import { useServices } from '../../app/services-context'
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { batchQuantityProblem } from '../../../../shared/outbox/batch-writes'
import { recordBatch } from '../../outbox/record-batch'

export interface BatchTarget {
  taskKey: string
  lineId: string
  name: string
  unit?: string
  /** Prefilled quantity (a GS1 scan carries one; otherwise empty). */
  quantity?: number
}

/** How many were made on one task line; queued in the outbox, sent when the vendor is reachable. */
export function RecordBatchModal({ target, onClose }: { target: BatchTarget | null; onClose: () => void }) {
  return (
    <Modal opened={target !== null} onClose={onClose} title="Record a batch">
      {target && <BatchForm key={`${target.taskKey}#${target.lineId}`} target={target} onDone={onClose} />}
    </Modal>
  )
}

function BatchForm({ target, onDone }: { target: BatchTarget; onDone: () => void }) {
  const { db, outbox } = useServices()
  const [quantity, setQuantity] = useState<number | ''>(target.quantity ?? '')
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const q = quantity === '' ? Number.NaN : quantity
    const problem = batchQuantityProblem(q)
    if (problem) return setError(problem)
    setSaving(true)
    const r = await recordBatch(db, { taskKey: target.taskKey, lineId: target.lineId, quantity: q })
    setSaving(false)
    if (!r.ok) return setError(r.error.message)
    outbox.kick()
    notifications.show({
      color: 'teal',
      title: 'Batch saved',
      message: `${q} ${target.unit ?? ''} × ${target.name}: sends to the vendor as soon as it can be reached.`
    })
    onDone()
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Stack>
        <Text size="sm">{target.name}</Text>
        <NumberInput
          label={`Quantity made${target.unit ? ` (${target.unit})` : ''}`}
          value={quantity}
          onChange={(v) => {
            setError(undefined)
            setQuantity(typeof v === 'number' ? v : v === '' ? '' : Number(v))
          }}
          min={0}
          error={error}
          data-autofocus
          data-testid="batch-quantity"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} data-testid="batch-save">
            Save batch
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
