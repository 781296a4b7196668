import { IconBox } from '@tabler/icons-react'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'

export function ItemsScreen() {
  return (
    <>
      <ScreenHeader
        title="Items"
        subtitle="Every item of every connection, searchable by scan, SKU, name or barcode."
      />
      <EmptyState icon={IconBox} title="No items yet">
        Items from your connected systems appear here after the first sync. Scan a barcode or type a SKU or
        name to find one, even with the network down.
      </EmptyState>
    </>
  )
}
