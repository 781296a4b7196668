import { Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { Lot } from '../../../../shared/model/records'
import type { StockroomDb } from '../../db/db'
import { planReceiptLabel } from '../../labels/location-labels'
import type { usePrintDialog } from './use-print-dialog'

/**
 * A lot's receipt label (GS1-128: GTIN, expiry, batch), with a serial number
 * (AI 21) when one is typed, for serial-numbered goods.
 */
export function ReceiptLabelButton({
  db,
  lot,
  itemName,
  open
}: {
  db: StockroomDb
  lot: Lot
  itemName: string
  open: ReturnType<typeof usePrintDialog>['open']
}) {
  const [opened, setOpened] = useState(false)
  const [serial, setSerial] = useState('')
  const make = () => {
    setOpened(false)
    const s = serial.trim()
    open(`Receipt label: ${itemName}, lot ${lot.lotNumber}${s ? `, serial ${s}` : ''}`, async () => [
      { label: await planReceiptLabel(db, lot.key, s || undefined) }
    ])
  }
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="xs" variant="subtle" onClick={() => setOpened((o) => !o)} data-testid="lot-print-label">
          Receipt label
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <Text size="sm">
            GS1-128 with the item’s GTIN, lot {lot.lotNumber}
            {lot.expiry ? ` and expiry ${lot.expiry.slice(0, 10)}` : ''}.
          </Text>
          <TextInput
            label="Serial number (optional)"
            value={serial}
            onChange={(e) => setSerial(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && make()}
            maxLength={20}
            data-testid="lot-serial"
          />
          <Group justify="flex-end">
            <Button size="xs" onClick={make} data-testid="lot-make-label">
              Make label
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
