/**
 * Replies across the host boundary are values, never thrown errors: the renderer
 * switches on `ok` and shows `error.message` to a person as it stands.
 */
export type HostErrorCode =
  | 'invalid-request'
  | 'unknown-call'
  | 'not-found'
  | 'unauthorized'
  | 'unavailable'
  | 'vendor-rejected'
  | 'internal'

export interface HostError {
  code: HostErrorCode
  /** Plain words: what happened and what to do. */
  message: string
  /** Field-level details, e.g. zod issues or a vendor's validation errors. */
  issues?: { path: string; message: string }[]
  /** Where a vendor's failure lies behind the words: its class, status and endpoint (for the sync to decide). */
  cause?: { kind: string; status?: number; endpoint?: string }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (
  code: HostErrorCode,
  message: string,
  issues?: HostError['issues'],
  cause?: HostError['cause']
): Result<never> => ({
  ok: false,
  error: { code, message, ...(issues && { issues }), ...(cause && { cause }) }
})
