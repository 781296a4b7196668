import { createTheme, MantineProvider } from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { Shell } from '../features/shell/Shell'
import { useHostBootstrap } from './use-host-bootstrap'
import { useHostNotices } from './use-host-notices'

/**
 * Read on a lit warehouse floor: filled colours pick black or white text by
 * contrast, the primary colour is its darkest teal (white text on it passes
 * WCAG AA), and every close button and progress bar has a name for screen readers.
 */
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  autoContrast: true,
  defaultRadius: 'sm',
  respectReducedMotion: true,
  components: {
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
    Progress: { defaultProps: { 'aria-label': 'Progress' } }
  }
})

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <ModalsProvider>
        {/* Bottom right: over the empty end of the status bar, never over the header's controls. */}
        <Notifications position="bottom-right" />
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
