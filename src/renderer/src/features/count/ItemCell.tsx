import { Badge, Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { itemDetail, itemRef } from '../../../../shared/model/item-identity'
import type { Item, Lot } from '../../../../shared/model/records'

/** An item as a count lists it: name, SKU (else the vendor's id), what tells look-alikes apart, its lot, and any badges the list adds. */
export function ItemCell({
  item,
  lot,
  fallback,
  dimmed,
  children
}: {
  item: Item | undefined
  lot: Lot | undefined
  /** Shown for an item no longer in the replica. */
  fallback: string
  dimmed?: boolean
  children?: ReactNode
}) {
  return (
    <>
      <Text fw={600} c={dimmed ? 'dimmed' : undefined}>
        {item?.name ?? 'Item no longer in the replica'}
      </Text>
      <Group gap={6}>
        <Text size="sm" c="dimmed" ff="monospace" data-testid="item-ref">
          {item ? itemRef(item) : fallback}
        </Text>
        {item && itemDetail(item) && (
          <Text size="sm" c="dimmed" data-testid="item-tells-apart">
            {itemDetail(item)}
          </Text>
        )}
        {lot && (
          <Badge size="sm" color="grape" variant="light">
            lot {lot.lotNumber}
          </Badge>
        )}
        {children}
      </Group>
    </>
  )
}
