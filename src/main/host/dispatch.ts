import type { z } from 'zod'
import {
  hostCalls,
  isCallName,
  type CallName,
  type CallResponse,
  type HostCalls
} from '../../shared/host-api/contract'
import { MAX_MESSAGE_DEPTH, nestedDeeperThan } from '../../shared/host-api/limits'
import { fail, ok, type HostError, type HostErrorCode, type Result } from '../../shared/result'

export type Handlers = {
  [N in CallName]: (request: z.output<HostCalls[N]['request']>) => Promise<CallResponse<N>>
}

/** Thrown by a handler for an expected failure; becomes a `{ ok: false }` reply. */
export class HostFailure extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
    readonly origin?: HostError['cause']
  ) {
    super(message)
  }
}

const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.') || '(request)', message: i.message }))

export type Dispatch = (name: unknown, payload: unknown) => Promise<Result<unknown>>

/**
 * The main-side guard every transport goes through: the call must be named in
 * the contract and its payload must parse. A bad message gets a clear error
 * back; nothing from the renderer is trusted and nothing here throws.
 */
export function createDispatcher(handlers: Handlers, log: (msg: string) => void = () => {}): Dispatch {
  return async (name, payload) => {
    // Everything, parsing included, runs inside the guard: a payload that makes a validator
    // throw (or overflow the stack) is one failed call, never an exception in the transport.
    try {
      if (!isCallName(name)) {
        return fail('unknown-call', `Unknown call ${JSON.stringify(String(name)).slice(0, 80)}.`)
      }
      if (nestedDeeperThan(payload, MAX_MESSAGE_DEPTH)) {
        return fail(
          'invalid-request',
          `Invalid request for ${name}: the request is nested too deep (more than ${MAX_MESSAGE_DEPTH} levels).`
        )
      }
      const parsed = hostCalls[name].request.safeParse(payload ?? {})
      if (!parsed.success) {
        const issues = describeIssues(parsed.error.issues)
        return fail(
          'invalid-request',
          `Invalid request for ${name}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues
        )
      }
      const handler = handlers[name] as (req: unknown) => Promise<unknown>
      return ok(await handler(parsed.data))
    } catch (err) {
      if (err instanceof HostFailure) return fail(err.code, err.message, err.issues, err.origin)
      // Unexpected: keep the detail in the log (secrets never reach handlers' errors), give a plain reply.
      const label = isCallName(name) ? name : 'that call'
      log(`host call ${label} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
      return fail(
        'internal',
        `Stockroom could not complete ${label}. Try again; if it keeps failing, restart the app.`
      )
    }
  }
}
