import { Group, Text, TextInput } from '@mantine/core'
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
  return (
    <Group align="flex-end" gap="md" wrap="nowrap">
      <TextInput
        label="Quantity"
        description="For the next scan"
        placeholder="1"
        inputMode="decimal"
        autoComplete="off"
        size="md"
        w={150}
        value={text}
        error={problem(text)}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="count-quantity"
      />
      {typed.status === 'ok' && (
        <Text fz={34} fw={800} lh={1.1} c="blue.8" data-testid="count-next-times">
          next scan × {formatQty(typed.value)}
        </Text>
      )}
    </Group>
  )
}
