import { Button, Group, Kbd } from '@mantine/core'
import { IconArrowBackUp } from '@tabler/icons-react'
import { CodeEntry } from './CodeEntry'
import { CounterName } from './CounterName'
import { useServices } from '../../app/services-context'
import { submitUndo } from './count-ui'
import { QuantityEntry } from './QuantityEntry'

/**
 * Who counts, the quantity for the next scan, a typed code, undo: one row right under
 * where scans go, above anything a scan shows, so it never moves.
 */
export function CountToolbar({ countId, canUndo }: { countId: string; canUndo: boolean }) {
  const { db } = useServices()
  return (
    <Group align="center" wrap="nowrap" gap="xs" data-testid="count-toolbar">
      <CounterName />
      <QuantityEntry />
      <CodeEntry countId={countId} />
      <Button
        size="sm"
        variant="default"
        leftSection={<IconArrowBackUp size={18} />}
        disabled={!canUndo}
        onClick={() => void submitUndo(db, countId)}
        rightSection={<Kbd size="xs">Ctrl Z</Kbd>}
        data-testid="count-undo"
      >
        Undo
      </Button>
    </Group>
  )
}
