/**
 * How Stockroom classifies every vendor failure. The class decides the fate
 * (retry with the same key, pause the connection, or ask a person); the
 * message is what that person reads.
 */
export type VendorErrorKind =
  | 'network' // no answer, connection refused/reset, body cut off
  | 'timeout'
  | 'rate-limited' // 429
  | 'unavailable' // 5xx
  | 'in-progress' // 409 conflict_in_progress: the same key is still being processed
  | 'unauthorized' // 401: wrong, revoked or expired key
  | 'forbidden' // 403: key lacks a scope
  | 'invalid' // 400/422: the vendor rejected the request itself
  | 'not-found' // 404
  | 'conflict' // 409 other than in-progress
  | 'malformed' // the vendor answered something we cannot read

export interface VendorErrorInfo {
  kind: VendorErrorKind
  status?: number
  code?: string
  message: string
  details?: { path: string; message: string }[]
  retryAfterMs?: number
  /**
   * A connector's own plain words for this failure, said in full (e.g. "This key
   * lacks clients.view — add it in ForgeMRP Settings → Integrations."); shown
   * instead of the generic sentence for the error's kind.
   */
  advice?: string
}

export const retryable = (kind: VendorErrorKind): boolean =>
  kind === 'network' ||
  kind === 'timeout' ||
  kind === 'rate-limited' ||
  kind === 'unavailable' ||
  kind === 'in-progress'

export function classifyStatus(status: number, code?: string): VendorErrorKind {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 408) return 'timeout'
  if (status === 409) return code === 'conflict_in_progress' ? 'in-progress' : 'conflict'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'unavailable'
  return 'invalid'
}

/** Plain words for a person on the floor or their supervisor: what happened, what to do. */
export function describeVendorError(e: VendorErrorInfo, vendorName: string, connectionLabel: string): string {
  if (e.advice) return e.advice
  switch (e.kind) {
    case 'unauthorized':
      return `${vendorName} refused the API key of "${connectionLabel}". Enter a new key under Connections → ${connectionLabel}.`
    case 'forbidden':
      return `The API key of "${connectionLabel}" is not allowed to do this${e.message ? ` (${e.message})` : ''}. Ask an admin in ${vendorName} for a key with the needed scopes.`
    case 'rate-limited':
      return `${vendorName} asked Stockroom to slow down; it will continue by itself.`
    case 'unavailable':
      return `${vendorName} is having trouble right now${e.status ? ` (HTTP ${e.status})` : ''}; Stockroom will retry by itself.`
    case 'network':
    case 'timeout':
      return `${vendorName} could not be reached (${e.message}). Check the network; Stockroom will retry by itself.`
    case 'in-progress':
      return `${vendorName} is still processing an earlier attempt; Stockroom will check again shortly.`
    case 'malformed':
      return `${vendorName} sent an answer Stockroom could not read: ${e.message}`
    case 'not-found':
    case 'invalid':
    case 'conflict':
      return `${vendorName} rejected the request: ${e.message}`
  }
}
