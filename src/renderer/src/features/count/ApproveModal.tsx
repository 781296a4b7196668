import { useServices } from '../../app/services-context'
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { approveLine } from '../../count/lines'
import { formatQty } from './format'
import type { CountLineView } from './use-count-data'

/**
 * A supervisor's approval of a line far from expected: their name, and the counted
 * quantity typed again. Separate from Submit, so no single click sends such a line.
 */
export function ApproveModal({
  target,
  reason,
  onClose
}: {
  target: CountLineView | null
  reason: string | null
  onClose: () => void
}) {
  return (
    <Modal opened={target !== null} onClose={onClose} title="Supervisor’s approval" centered>
      {target && <ApproveForm key={target.line.id} target={target} reason={reason} onDone={onClose} />}
    </Modal>
  )
}

function ApproveForm({
  target,
  reason,
  onDone
}: {
  target: CountLineView
  reason: string | null
  onDone: () => void
}) {
  const { db } = useServices()
  const [by, setBy] = useState('')
  const [counted, setCounted] = useState<string | number>('')
  const [error, setError] = useState<string | null>(null)
  const { line, item } = target

  const approve = async () => {
    try {
      await approveLine(db, line.id, { by, counted: typeof counted === 'number' ? counted : Number.NaN })
      onDone()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void approve()
      }}
    >
      <Stack data-testid="approve-form">
        <div>
          <Text fw={600}>{item?.name ?? line.itemKey}</Text>
          <Text size="sm" c="dimmed">
            {item?.sku} · expected {formatQty(line.expected)} · counted {formatQty(line.counted)}
          </Text>
        </div>
        {reason && (
          <Alert color="red" data-testid="approve-reason">
            {reason[0]?.toUpperCase()}
            {reason.slice(1)}. A barcode read as a quantity looks like this: check the shelf before approving.
          </Alert>
        )}
        <TextInput
          label="Supervisor"
          description="Who approves this quantity"
          value={by}
          onChange={(e) => {
            setBy(e.currentTarget.value)
            setError(null)
          }}
          data-autofocus
          data-testid="approve-by"
        />
        <NumberInput
          label="Counted quantity, typed again"
          description="Must match the line, so nothing is approved by mistake."
          value={counted}
          onChange={(v) => {
            // A refusal stands for what was typed then; it must not sit under a corrected quantity.
            setCounted(v)
            setError(null)
          }}
          min={0}
          thousandSeparator=","
          data-testid="approve-counted"
        />
        {error && (
          <Text c="var(--mantine-color-red-light-color)" size="sm" data-testid="approve-error">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="red" data-testid="approve-save">
            Approve {formatQty(line.counted)}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
