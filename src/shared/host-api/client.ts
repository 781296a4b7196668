import type { CallName, CallRequest, CallResponse, EventName, EventPayload } from './contract'
import type { Result } from '../result'

/**
 * What the renderer is typed against; the preload bridge and the WebSocket
 * client both implement it, so the renderer cannot tell them apart.
 */
export interface HostClient {
  call<N extends CallName>(name: N, request: CallRequest<N>): Promise<Result<CallResponse<N>>>
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void
}

/** The untyped shape a transport exposes (the preload's `window.stockroom`). */
export interface RawTransport {
  call(name: string, payload: unknown): Promise<unknown>
  on(listener: (name: string, payload: unknown) => void): () => void
}
