import { useServices } from '../../app/services-context'
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight'
import { itemDetail, itemRef } from '../../../../shared/model/item-identity'
import { IconBox, IconClipboardList, IconSearch } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { useUi } from '../../stores/ui'
import { useItemSearch } from '../items/use-item-search'
import { filterTasks } from '../tasks/tasks'
import { screens } from './screens'

const PER_GROUP = 6

/**
 * Ctrl+K: one search over screens, items (the indexed item search, so it stays
 * quick at a hundred thousand items) and tasks. Each result opens where it lives.
 */
export function AppSpotlight() {
  const { db } = useServices()
  const [query, setQuery] = useState('')
  const [opened, setOpened] = useState(false)
  const go = useUi((s) => s.go)
  const openItem = useUi((s) => s.openItem)
  const openTask = useUi((s) => s.openTask)
  const typed = query.trim()
  // Every keystroke searches at once: items by the indexed search, tasks in the list read once
  // per opening (and again only if tasks change while it is open), never the table per key.
  const items = useItemSearch(typed, { limit: PER_GROUP, enabled: opened && typed !== '' })
  const allTasks = useLiveQuery(
    async () => ({ tasks: opened ? await db.tasks.toArray() : [], at: Date.now() }),
    [opened]
  )
  const tasks = useMemo(
    () =>
      typed === '' || !allTasks
        ? []
        : filterTasks(allTasks.tasks, 'all', typed, allTasks.at).slice(0, PER_GROUP),
    [allTasks, typed]
  )
  const found = { items: typed === '' || items?.query !== typed ? [] : items.items, tasks }

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
        description: `${[itemRef(item), itemDetail(item)].filter(Boolean).join(' · ')}${item.onHand !== undefined ? ` · ${item.onHand.toLocaleString()} on hand` : ''}`,
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
      onSpotlightOpen={() => setOpened(true)}
      onSpotlightClose={() => setOpened(false)}
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
