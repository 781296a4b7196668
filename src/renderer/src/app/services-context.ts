import { createContext, useContext } from 'react'
import type { Services } from './services'

export const ServicesContext = createContext<Services | null>(null)

/** What a component uses of the app (db, host, scheduler, outbox, clock, PC name), from the composition root. */
export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices() is used outside the app: render it inside <StockroomApp>.')
  return services
}
