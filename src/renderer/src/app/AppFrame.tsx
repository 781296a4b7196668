import {
  createTheme,
  DEFAULT_THEME,
  MantineProvider,
  type CSSVariablesResolver,
  type MantineColorsTuple
} from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import type { ReactNode } from 'react'

/**
 * Read on a lit warehouse floor: filled colours pick black or white text by
 * contrast, the primary colour is its darkest teal (white text on it passes
 * WCAG AA), and every close button and progress bar has a name for screen readers.
 */
/** A default palette with its darkest shade darker still: text on its light tint and white on it pass 4.5:1. */
const deepened = (name: 'teal' | 'orange', darkest: string): MantineColorsTuple =>
  [...DEFAULT_THEME.colors[name].slice(0, 9), darkest] as unknown as MantineColorsTuple

/** Secondary text dark enough to read at 4.5:1 on white (Mantine's default grey is 3.3:1). */
const readableDimmed: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a' },
  dark: {}
})

const theme = createTheme({
  colors: { teal: deepened('teal', '#066a4c'), orange: deepened('orange', '#a3360a') },
  primaryColor: 'teal',
  primaryShade: 9,
  autoContrast: true,
  defaultRadius: 'sm',
  respectReducedMotion: true,
  components: {
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } }
    },
    Progress: { defaultProps: { 'aria-label': 'Progress' } }
  }
})

/** Theme, dialogs and in-page notices around the app. */
export function AppFrame({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={readableDimmed}>
      <ModalsProvider>
        {/* Bottom right: over the empty end of the status bar, never over the header's controls. */}
        <Notifications position="bottom-right" />
        {children}
      </ModalsProvider>
    </MantineProvider>
  )
}
