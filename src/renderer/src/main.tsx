import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/spotlight/styles.css'
import './app/floor.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppFrame } from './app/AppFrame'
import { startServices } from './app/services'
import { ServicesGate } from './app/ServicesGate'
import { Shell } from './features/shell/Shell'

// The composition root: services are built once, before the first render, and handed down.
const started = startServices()

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppFrame>
      <ServicesGate started={started}>
        <Shell />
      </ServicesGate>
    </AppFrame>
  </StrictMode>
)
