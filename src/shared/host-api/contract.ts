import type { z } from 'zod'
import { appCalls, appEvents } from './app'
import { connectionsCalls, connectionsEvents } from './connections'
import { journalCalls } from './journal'
import { labelsCalls } from './labels'
import { noticesCalls, noticesEvents } from './notices'
import { outboxCalls } from './outbox'
import { siteCalls, siteEvents } from './site'
import { syncCalls, syncEvents } from './sync'

/**
 * The one contract between main and the renderer. Every call is `domain:verb`
 * with a request and a response schema; every event has a payload schema.
 * Electron IPC (preload) and the WebSocket bridge both carry exactly this.
 */
export const hostCalls = {
  ...appCalls,
  ...connectionsCalls,
  ...syncCalls,
  ...outboxCalls,
  ...noticesCalls,
  ...journalCalls,
  ...labelsCalls,
  ...siteCalls
} as const
export const hostEvents = {
  ...appEvents,
  ...connectionsEvents,
  ...syncEvents,
  ...noticesEvents,
  ...siteEvents
} as const

export type HostCalls = typeof hostCalls
export type CallName = keyof HostCalls
export type CallRequest<N extends CallName> = z.input<HostCalls[N]['request']>
export type CallResponse<N extends CallName> = z.output<HostCalls[N]['response']>

export type HostEvents = typeof hostEvents
export type EventName = keyof HostEvents
export type EventPayload<N extends EventName> = z.output<HostEvents[N]>

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(hostCalls, name)
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(hostEvents, name)
