import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight'
import { IconBox, IconClipboardList, IconSearch } from '@tabler/icons-react'
import { useDebouncedValue } from '@mantine/hooks'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { getDb } from '../../db/db'
import { useUi } from '../../stores/ui'
import { searchItems } from '../items/search'
import { filterTasks } from '../tasks/tasks'
import { screens } from './screens'

const PER_GROUP = 6

/**
 * Ctrl+K: one search over screens, items (the indexed item search, so it stays
 * quick at a hundred thousand items) and tasks. Each result opens where it lives.
 */
export function AppSpotlight() {
  const [query, setQuery] = useState('')
  const [settled] = useDebouncedValue(query, 100)
  const go = useUi((s) => s.go)
  const openItem = useUi((s) => s.openItem)
  const openTask = useUi((s) => s.openTask)
  const found = useLiveQuery(async () => {
    const q = settled.trim()
    if (q === '') return { items: [], tasks: [] }
    const db = getDb()
    const [items, tasks] = await Promise.all([searchItems(db, q, PER_GROUP), db.tasks.toArray()])
    return { items, tasks: filterTasks(tasks, 'all', q, Date.now()).slice(0, PER_GROUP) }
  }, [settled])

  const q = query.trim().toLowerCase()
  const groups: SpotlightActionGroupData[] = [
    {
      group: 'Screens',
      actions: screens
        .filter((s) => q === '' || s.label.toLowerCase().includes(q) || s.purpose.toLowerCase().includes(q))
        .map((s) => ({
          id: `screen:${s.section}`,
          label: s.label,
          description: `${s.purpose} · Alt+${s.digit}`,
          leftSection: <s.icon size={20} />,
          onClick: () => go(s.section)
        }))
    },
    {
      group: 'Items',
      actions: (found?.items ?? []).map((item) => ({
        id: `item:${item.key}`,
        label: item.name,
        description: `${item.sku}${item.onHand !== undefined ? ` · ${item.onHand.toLocaleString()} on hand` : ''}`,
        leftSection: <IconBox size={20} />,
        onClick: () => {
          go('items')
          openItem(item.key)
        }
      }))
    },
    {
      group: 'Tasks',
      actions: (found?.tasks ?? []).map(({ task }) => ({
        id: `task:${task.key}`,
        label: task.name,
        description: task.due ? `due ${task.due.slice(0, 10)}` : undefined,
        leftSection: <IconClipboardList size={20} />,
        onClick: () => {
          go('tasks')
          openTask(task.key)
        }
      }))
    }
  ].filter((g) => g.actions.length > 0)

  return (
    <Spotlight
      actions={groups}
      query={query}
      onQueryChange={setQuery}
      filter={(_, actions) => actions}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      nothingFound="Nothing found. Check the spelling, or scan the item."
      scrollable
      maxHeight={480}
      searchProps={{
        leftSection: <IconSearch size={20} />,
        placeholder: 'Search items, tasks and screens',
        'aria-label': 'Search items, tasks and screens'
      }}
    />
  )
}
