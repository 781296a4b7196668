import type { HostClient, RawTransport } from '../../../shared/host-api/client'
import { hostCalls, hostEvents, isEventName, type CallName } from '../../../shared/host-api/contract'
import { fail, type Result } from '../../../shared/result'
import { createWsTransport } from './ws-transport'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web host. */
    stockroom?: RawTransport
  }
}

/**
 * Types a transport with the contract. Replies and events are parsed here as
 * well: the renderer trusts main no more than main trusts the renderer.
 */
export function createHostClient(transport: RawTransport): HostClient {
  return {
    async call(name, request) {
      const reply = (await transport.call(name, request)) as Result<unknown>
      if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
        return fail('internal', `The host sent an unreadable reply to ${name}.`)
      }
      if (!reply.ok) return reply
      const parsed = hostCalls[name as CallName].response.safeParse(reply.value)
      return parsed.success
        ? { ok: true, value: parsed.data as never }
        : fail('internal', `The host's reply to ${name} did not match the contract.`)
    },
    on(name, listener) {
      return transport.on((eventName, payload) => {
        if (eventName !== name || !isEventName(eventName)) return
        const parsed = hostEvents[name].safeParse(payload)
        if (parsed.success) listener(parsed.data as never)
      })
    }
  }
}

/** The renderer's host: Electron IPC when the preload is there, the WebSocket bridge otherwise. */
export function connectHost(): HostClient {
  return createHostClient(window.stockroom ?? createWsTransport())
}
