import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  NavLink,
  Switch,
  Title,
  Tooltip,
  useMantineColorScheme
} from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { spotlight } from '@mantine/spotlight'
import { IconBox, IconKeyboard, IconMoon, IconSearch, IconSun } from '@tabler/icons-react'
import { useEffect, type ComponentType } from 'react'
import { useGlobalScanner } from './use-global-scanner'
import { isFloorDensity, useDisplay } from '../../stores/display'
import { useUi, type Section } from '../../stores/ui'
import { ActivityScreen } from '../activity/ActivityScreen'
import { ConnectionsScreen } from '../connections/ConnectionsScreen'
import { CountScreen } from '../count/CountScreen'
import { ItemsScreen } from '../items/ItemsScreen'
import { LabelsScreen } from '../labels/LabelsScreen'
import { OutboxScreen } from '../outbox/OutboxScreen'
import { TasksScreen } from '../tasks/TasksScreen'
import { ReceivingScreen } from '../receiving/ReceivingScreen'
import { ShippingScreen } from '../shipping/ShippingScreen'
import { AppSpotlight } from './AppSpotlight'
import { screens } from './screens'
import { ShortcutsOverlay } from './ShortcutsOverlay'
import { StatusBar } from './StatusBar'

const screenOf: Record<Section, ComponentType> = {
  items: ItemsScreen,
  count: CountScreen,
  tasks: TasksScreen,
  outbox: OutboxScreen,
  connections: ConnectionsScreen,
  activity: ActivityScreen,
  labels: LabelsScreen,
  receiving: ReceivingScreen,
  shipping: ShippingScreen
}

export function Shell() {
  // Scans are caught on every screen, whatever has focus; screens that take scans override this.
  useGlobalScanner()
  const [opened, { toggle }] = useDisclosure()
  const [help, { open: openHelp, close: closeHelp }] = useDisclosure()
  const section = useUi((s) => s.section)
  const go = useUi((s) => s.go)
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  const dark = colorScheme === 'dark'
  const floorEverywhere = useDisplay((s) => s.floorEverywhere)
  const setFloorEverywhere = useDisplay((s) => s.setFloorEverywhere)
  const floor = isFloorDensity(section, floorEverywhere)
  const Screen = screenOf[section]

  // On the document, so dialogs and menus (rendered outside the shell) are drawn at the same size.
  useEffect(() => {
    document.documentElement.dataset.density = floor ? 'floor' : 'standard'
  }, [floor])

  // Screen shortcuts work in fields too (Alt + digit types nothing); `?` only outside them.
  useHotkeys(
    screens.map((s) => [`alt+${s.digit}`, () => go(s.section)]),
    []
  )
  useHotkeys([['shift+?', openHelp]])

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      footer={{ height: floor ? 44 : 34 }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <IconBox size={22} />
            <Title order={4}>Stockroom</Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Tooltip label="Ctrl + K">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Search items, tasks and screens"
                aria-keyshortcuts="Control+K"
                onClick={() => spotlight.open()}
              >
                <IconSearch size={18} />
              </ActionIcon>
            </Tooltip>
            <Switch
              label="Floor size everywhere"
              checked={floorEverywhere}
              onChange={(e) => setFloorEverywhere(e.currentTarget.checked)}
              data-testid="floor-everywhere"
            />
            <Tooltip label="Keyboard shortcuts (?)">
              <ActionIcon
                variant="subtle"
                size="lg"
                aria-label="Keyboard shortcuts"
                aria-keyshortcuts="Shift+?"
                onClick={openHelp}
              >
                <IconKeyboard size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={dark ? 'Light theme' : 'Dark theme'}>
              <ActionIcon
                variant="subtle"
                size="lg"
                aria-label="Toggle colour theme"
                onClick={() => setColorScheme(dark ? 'light' : 'dark')}
              >
                {dark ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Sections">
        {screens.map(({ section: s, label, icon: Icon, digit }) => (
          <NavLink
            key={s}
            component="button"
            label={label}
            description={`Alt + ${digit}`}
            leftSection={<Icon size={20} />}
            active={s === section}
            aria-current={s === section ? 'page' : undefined}
            aria-keyshortcuts={`Alt+${digit}`}
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
      <AppSpotlight />
      <ShortcutsOverlay opened={help} onClose={closeHelp} />
    </AppShell>
  )
}
