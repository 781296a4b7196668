import { IconClipboardList } from '@tabler/icons-react'
import { EmptyState } from '../shell/EmptyState'
import { ScreenHeader } from '../shell/ScreenHeader'

export function TasksScreen() {
  return (
    <>
      <ScreenHeader title="Tasks" subtitle="Production tasks, jobs and work orders from your connections." />
      <EmptyState icon={IconClipboardList} title="No tasks yet">
        Production tasks appear here after a sync. Open one to record a batch by scanning what was made.
      </EmptyState>
    </>
  )
}
