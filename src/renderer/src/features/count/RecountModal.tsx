import { useServices } from '../../app/services-context'
import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { recountLine, UnconfirmedQuantity } from '../../count/lines'
import { playTone } from '../../scan/feedback'
import { countLimits } from '../../stores/count-limits'
import { counterName } from '../../stores/counter'
import { formatQty } from './format'
import type { CountLineView } from './use-count-data'

/** Count one line again and enter the total: it replaces what was counted so far. */
export function RecountModal({
  target,
  showExpected,
  onClose
}: {
  target: CountLineView | null
  showExpected: boolean
  onClose: () => void
}) {
  return (
    <Modal opened={target !== null} onClose={onClose} title="Recount" centered>
      {target && (
        // Keyed by line, so the form starts empty for each line without an effect resetting it.
        <RecountForm key={target.line.id} target={target} showExpected={showExpected} onDone={onClose} />
      )}
    </Modal>
  )
}

function RecountForm({
  target,
  showExpected,
  onDone
}: {
  target: CountLineView
  showExpected: boolean
  onDone: () => void
}) {
  const { db } = useServices()
  const [value, setValue] = useState<string | number>('')
  // A recount is its own part of the line, under who recounted: the scans it corrects stay as they were.
  const [by, setBy] = useState(counterName)
  const [error, setError] = useState<string | null>(null)
  // The quantity the person confirmed after being told it is far from expected.
  const [confirming, setConfirming] = useState<number | null>(null)
  const { line, item, lot } = target

  const save = async () => {
    const quantity = typeof value === 'number' ? value : Number.NaN
    if (!Number.isFinite(quantity) || quantity < 0) {
      setError('Enter what you counted: 0 or more.')
      return
    }
    try {
      await recountLine(db, line.id, quantity, {
        limits: countLimits(),
        confirmed: confirming === quantity,
        by: by.trim() || counterName()
      })
      playTone('ok')
      onDone()
    } catch (e) {
      if (e instanceof UnconfirmedQuantity) setConfirming(quantity)
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack>
        <div>
          <Text fw={600}>{item?.name ?? line.itemKey}</Text>
          <Text size="sm" c="dimmed">
            {item?.sku}
            {lot ? ` · lot ${lot.lotNumber}` : ''} · counted so far {formatQty(line.counted)}
            {showExpected ? ` · expected ${formatQty(line.expected)}` : ''}
          </Text>
        </div>
        <NumberInput
          label="Counted now"
          description="The whole quantity at the location; it replaces the count so far."
          value={value}
          onChange={setValue}
          min={0}
          size="lg"
          data-autofocus
          error={error}
          data-testid="recount-quantity"
        />
        <TextInput
          label="Recounted by"
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
          data-testid="recount-by"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button
            type="submit"
            color={confirming !== null && confirming === value ? 'orange' : undefined}
            data-testid="recount-save"
          >
            {confirming !== null && confirming === value
              ? `Yes, ${formatQty(confirming)} is right`
              : 'Save recount'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
