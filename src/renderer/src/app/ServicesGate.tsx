import { Center, Loader, Stack, Text } from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import type { Services } from './services'
import { ServicesContext } from './services-context'
import { useHostNotices } from './use-host-notices'

type Start =
  | { state: 'starting' }
  | { state: 'ready'; services: Services }
  | { state: 'failed'; message: string }

/**
 * Renders the app once its services are up, and hands them down. Sets
 * `data-ready` on <body> then: the signal E2E tests wait for instead of sleeping.
 */
export function ServicesGate({ started, children }: { started: Promise<Services>; children: ReactNode }) {
  const [start, setStart] = useState<Start>({ state: 'starting' })
  useEffect(() => {
    started.then(
      (services) => setStart({ state: 'ready', services }),
      (err: unknown) => setStart({ state: 'failed', message: (err as Error).message })
    )
  }, [started])
  if (start.state === 'ready')
    return (
      <ServicesContext.Provider value={start.services}>
        <Ready>{children}</Ready>
      </ServicesContext.Provider>
    )
  return (
    <Center h="100vh">
      {start.state === 'starting' ? (
        <Stack align="center">
          <Loader aria-label="Starting" />
          <Text>Opening this PC's stock…</Text>
        </Stack>
      ) : (
        <Stack align="center" maw={560} role="alert">
          <Text fw={700} size="lg">
            Stockroom could not start
          </Text>
          <Text>{start.message} Restart the app; your local data is kept.</Text>
        </Stack>
      )}
    </Center>
  )
}

function Ready({ children }: { children: ReactNode }) {
  useHostNotices()
  useEffect(() => {
    document.body.dataset.ready = 'true'
  }, [])
  return children
}
