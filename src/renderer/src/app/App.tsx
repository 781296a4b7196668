import { createTheme, MantineProvider } from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { Shell } from '../features/shell/Shell'
import { useHostBootstrap } from './use-host-bootstrap'
import { useHostNotices } from './use-host-notices'

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'sm', respectReducedMotion: true })

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <ModalsProvider>
        <Notifications position="top-right" />
        <Bootstrapped />
      </ModalsProvider>
    </MantineProvider>
  )
}

function Bootstrapped() {
  useHostBootstrap()
  useHostNotices()
  return <Shell />
}
