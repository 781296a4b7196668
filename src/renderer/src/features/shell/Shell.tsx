import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  NavLink,
  Title,
  Tooltip,
  useMantineColorScheme
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconActivity,
  IconBarcode,
  IconBox,
  IconClipboardList,
  IconMoon,
  IconPlugConnected,
  IconSun,
  IconUpload
} from '@tabler/icons-react'
import type { ComponentType } from 'react'
import { useGlobalScanner } from '../../scan/use-global-scanner'
import { useUi, type Section } from '../../stores/ui'
import { ActivityScreen } from '../activity/ActivityScreen'
import { ConnectionsScreen } from '../connections/ConnectionsScreen'
import { CountScreen } from '../count/CountScreen'
import { ItemsScreen } from '../items/ItemsScreen'
import { OutboxScreen } from '../outbox/OutboxScreen'
import { TasksScreen } from '../tasks/TasksScreen'
import { StatusBar } from './StatusBar'

const nav: {
  section: Section
  label: string
  icon: ComponentType<{ size?: number }>
  screen: ComponentType
}[] = [
  { section: 'items', label: 'Items', icon: IconBox, screen: ItemsScreen },
  { section: 'count', label: 'Count', icon: IconBarcode, screen: CountScreen },
  { section: 'tasks', label: 'Tasks', icon: IconClipboardList, screen: TasksScreen },
  { section: 'outbox', label: 'Outbox', icon: IconUpload, screen: OutboxScreen },
  { section: 'connections', label: 'Connections', icon: IconPlugConnected, screen: ConnectionsScreen },
  { section: 'activity', label: 'Activity', icon: IconActivity, screen: ActivityScreen }
]

export function Shell() {
  // Scans are caught on every screen, whatever has focus; screens that take scans override this.
  useGlobalScanner()
  const [opened, { toggle }] = useDisclosure()
  const section = useUi((s) => s.section)
  const go = useUi((s) => s.go)
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  const dark = colorScheme === 'dark'
  const Screen = nav.find((n) => n.section === section)?.screen ?? ItemsScreen

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      footer={{ height: 34 }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <IconBox size={22} />
            <Title order={4}>Stockroom</Title>
          </Group>
          <Tooltip label={dark ? 'Light theme' : 'Dark theme'}>
            <ActionIcon
              variant="subtle"
              aria-label="Toggle colour theme"
              onClick={() => setColorScheme(dark ? 'light' : 'dark')}
            >
              {dark ? <IconSun size={18} /> : <IconMoon size={18} />}
            </ActionIcon>
          </Tooltip>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {nav.map(({ section: s, label, icon: Icon }) => (
          <NavLink
            key={s}
            label={label}
            leftSection={<Icon size={18} />}
            active={s === section}
            onClick={() => go(s)}
            data-section={s}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Screen />
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  )
}
