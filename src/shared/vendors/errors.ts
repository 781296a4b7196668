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
  /** The request that failed, as `GET /products` (path only: never the query, which may carry a key). */
  endpoint?: string
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

/**
 * Transport failures in words: the codes Node and undici give (ECONNREFUSED,
 * UND_ERR_SOCKET, …) never reach a person.
 */
export function networkWords(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'nothing answered at its address'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its address could not be looked up'
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the network has no route to it'
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return 'the connection was cut off before the answer arrived'
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'it did not answer in time'
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'its security certificate was not accepted'
    default:
      return 'the network failed'
  }
}

const onEndpoint = (e: VendorErrorInfo) => (e.endpoint ? ` ${e.endpoint}` : '')
const httpStatus = (e: VendorErrorInfo) => (e.status ? `HTTP ${e.status}` : '')
const vendorWords = (e: VendorErrorInfo) =>
  [httpStatus(e), e.message && e.message !== httpStatus(e) ? e.message : ''].filter(Boolean).join(': ')

/** Plain words for a person on the floor or their supervisor: what happened, what to do. */
export function describeVendorError(e: VendorErrorInfo, vendorName: string, connectionLabel: string): string {
  if (e.advice) return e.advice
  switch (e.kind) {
    case 'unauthorized':
      return `${vendorName} refused the API key of "${connectionLabel}". Enter a new key under Connections → ${connectionLabel}.`
    case 'forbidden':
      return `The API key of "${connectionLabel}" is not allowed to use${onEndpoint(e) || ' this'} (${vendorWords(e) || 'HTTP 403'}). Ask an admin in ${vendorName} for a key with the needed scopes.`
    case 'rate-limited':
      return `${vendorName} asked Stockroom to slow down; it will continue by itself.`
    case 'unavailable':
      return `${vendorName} is having trouble right now${e.status ? ` (HTTP ${e.status}${onEndpoint(e)})` : ''}; Stockroom will retry by itself.`
    case 'network':
      return `${vendorName} could not be reached: ${networkWords(e.code)}. Check the network; Stockroom will retry by itself.`
    case 'timeout':
      return `${vendorName} could not be reached: it did not answer in time. Check the network; Stockroom will retry by itself.`
    case 'in-progress':
      return `${vendorName} is still processing an earlier attempt; Stockroom will check again shortly.`
    case 'malformed':
      return `${vendorName} sent an answer Stockroom could not read${onEndpoint(e) ? ` from${onEndpoint(e)}` : ''}: ${e.message}`
    case 'not-found':
      return `${vendorName} does not serve${onEndpoint(e) || ' this request'} (${vendorWords(e) || 'HTTP 404'}). Ask ${vendorName} whether your account includes it.`
    case 'invalid':
    case 'conflict':
      return `${vendorName} rejected${onEndpoint(e) || ' the request'}: ${vendorWords(e) || 'no reason given'}`
  }
}
