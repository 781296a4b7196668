import { Button, Group, TextInput } from '@mantine/core'
import { IconBarcode } from '@tabler/icons-react'
import { useState } from 'react'
import { useServices } from '../../app/services-context'
import { submitScan } from './count-ui'

/**
 * The number under a barcode that will not scan, or a SKU, typed. A component of its
 * own: a keystroke there re-renders the field, not the line list, so the page keeps
 * up with a scanner's burst.
 */
export function CodeEntry({ countId }: { countId: string }) {
  const { db } = useServices()
  const [code, setCode] = useState('')
  return (
    <form
      style={{ flex: 1, minWidth: 180 }}
      onSubmit={(e) => {
        e.preventDefault()
        if (code.trim() === '') return
        void submitScan(db, countId, code)
        setCode('')
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          aria-label="Type a code"
          title="The number under a barcode that will not scan, or a SKU"
          placeholder="Code or SKU"
          leftSection={<IconBarcode size={18} />}
          size="md"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          data-testid="count-code"
        />
        <Button type="submit" size="sm" variant="light" data-testid="count-code-add">
          Add
        </Button>
      </Group>
    </form>
  )
}
