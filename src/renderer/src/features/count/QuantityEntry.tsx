import { Text, TextInput, Tooltip } from '@mantine/core'
import { readTypedQuantity } from '../../../../shared/count/quantity'
import { useCountUi } from './count-ui'
import { formatQty } from './format'

const problem = (text: string): string | null => {
  const typed = readTypedQuantity(text)
  if (typed.status === 'code-like') return 'This looks like a barcode, not a quantity. It will not be used.'
  if (typed.status === 'invalid') return 'Type a quantity greater than 0. It will not be used as it is.'
  return null
}

/**
 * How many of the next scanned label were counted. A text field, not a number
 * field: what landed in it must be seen as typed, so a barcode's digits that arrived
 * too slowly for a scan are recognised instead of read as a huge quantity. Its own
 * component, so a keystroke here re-renders the field, not the line list.
 */
export function QuantityEntry() {
  const text = useCountUi((s) => s.quantityText)
  const setText = useCountUi((s) => s.setQuantityText)
  const typed = readTypedQuantity(text)
  // The typed quantity shows inside its own field, so the toolbar never moves while it is typed.
  return (
    <Tooltip label={problem(text)} opened={problem(text) !== null} color="orange" position="bottom" withArrow>
      <TextInput
        aria-label="Quantity"
        title="Quantity: how many of the next scanned label were counted"
        placeholder="Qty 1"
        inputMode="decimal"
        autoComplete="off"
        size="md"
        w={140}
        value={text}
        error={problem(text) !== null}
        onChange={(e) => setText(e.currentTarget.value)}
        rightSectionWidth={84}
        rightSection={
          typed.status === 'ok' ? (
            <Text
              fz={22}
              fw={800}
              c="var(--mantine-color-blue-light-color)"
              lh={1}
              data-testid="count-next-times"
              aria-live="polite"
            >
              × {formatQty(typed.value)}
            </Text>
          ) : null
        }
        styles={{ input: { fontWeight: 700 } }}
        data-testid="count-quantity"
      />
    </Tooltip>
  )
}
