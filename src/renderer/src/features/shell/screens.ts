import {
  IconActivity,
  IconBarcode,
  IconBox,
  IconClipboardList,
  IconPlugConnected,
  IconTags,
  IconTruckDelivery,
  IconTruckLoading,
  IconUpload
} from '@tabler/icons-react'
import type { ComponentType } from 'react'
import type { Section } from '../../stores/ui'

export interface ScreenEntry {
  section: Section
  label: string
  icon: ComponentType<{ size?: number }>
  /** Alt + this digit opens the screen, from anywhere, fields included. */
  digit: string
  /** What the screen is for, in the shortcut list and the search. */
  purpose: string
}

/** The side menu, the screen shortcuts and the search's screens: one list. */
export const screens: ScreenEntry[] = [
  {
    section: 'items',
    label: 'Items',
    icon: IconBox,
    digit: '1',
    purpose: 'Find an item, its stock and lots'
  },
  {
    section: 'count',
    label: 'Count',
    icon: IconBarcode,
    digit: '2',
    purpose: 'Count a location with the scanner'
  },
  {
    section: 'tasks',
    label: 'Tasks',
    icon: IconClipboardList,
    digit: '3',
    purpose: 'Production tasks; record a batch'
  },
  { section: 'outbox', label: 'Outbox', icon: IconUpload, digit: '4', purpose: 'Writes sent and waiting' },
  {
    section: 'connections',
    label: 'Connections',
    icon: IconPlugConnected,
    digit: '5',
    purpose: 'Systems this PC syncs with'
  },
  {
    section: 'activity',
    label: 'Activity',
    icon: IconActivity,
    digit: '6',
    purpose: 'Syncs, low stock and writes'
  },
  {
    section: 'labels',
    label: 'Labels',
    icon: IconTags,
    digit: '7',
    purpose: 'Print item, location and receipt labels'
  },
  {
    section: 'receiving',
    label: 'Receiving',
    icon: IconTruckDelivery,
    digit: '8',
    purpose: 'Receive a purchase order by scanning'
  },
  {
    section: 'shipping',
    label: 'Shipping',
    icon: IconTruckLoading,
    digit: '9',
    purpose: 'Check, pack and dispatch a shipment'
  }
]

/** Keys that work everywhere, as the `?` list shows them. */
export const globalShortcuts: { keys: string; what: string }[] = [
  { keys: 'Ctrl + K', what: 'Search items, tasks and screens' },
  { keys: '?', what: 'This list of shortcuts' },
  { keys: 'Esc', what: 'Close a dialog or a detail panel' },
  { keys: 'Tab / Shift + Tab', what: 'Move between controls' },
  { keys: '↑ / ↓', what: 'Move between rows of a list' },
  { keys: 'Enter', what: 'Open the row that has focus' },
  { keys: 'Ctrl + Z', what: 'Undo the last scan of a count' }
]
