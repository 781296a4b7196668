import { IconBarcode } from '@tabler/icons-react'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'

export function CountScreen() {
  return (
    <>
      <ScreenHeader title="Count" subtitle="Stock counts by location, with a USB barcode scanner." />
      <EmptyState icon={IconBarcode} title="No count in progress">
        Pick a warehouse, location or bin and scan what stands there. Every scan is saved on this PC at once;
        the differences are sent to your system when you submit, even if the network is down now.
      </EmptyState>
    </>
  )
}
