import { z } from 'zod'
import type { Result } from '../result'

/**
 * Frames of the WebSocket bridge. Names and payloads stay `unknown` here: the
 * receiving side checks them against the contract, never trusts the frame.
 */
export const clientFrame = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  payload: z.unknown()
})
export type ClientFrame = z.infer<typeof clientFrame>

export type ServerFrame =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; name: string; payload: unknown }
  /** A frame that could not be read at all (not JSON, no id): answered, not dropped. */
  | { kind: 'error'; result: Result<unknown> }

export { IPC_CALL, IPC_EVENT, LAUNCH_META, LAUNCH_PARAM, WS_PATH } from './channels'
