import { retryable } from '../../shared/vendors/errors'
import type { HostErrorCode } from '../../shared/result'
import { ConnectionFailure, GatewayError, type GatewayErrorKind } from '../gateway/gateway-errors'
import { HostFailure } from './dispatch'

const gatewayCodes: Record<GatewayErrorKind, HostErrorCode> = {
  'no-connection': 'not-found',
  'unsupported-vendor': 'unavailable',
  'no-resource': 'invalid-request',
  'no-capability': 'invalid-request'
}

/**
 * The gateway's domain errors as host-API failures: the words stay, the class
 * becomes a host code, and the vendor's side (kind, status, endpoint) travels
 * along so the sync can tell one refused resource from a vendor that is down.
 */
export function toHostFailure(err: unknown): unknown {
  if (err instanceof GatewayError) return new HostFailure(gatewayCodes[err.kind], err.message)
  if (!(err instanceof ConnectionFailure)) return err
  const { kind, status, endpoint, details } = err.info
  const code: HostErrorCode =
    kind === 'unauthorized' ? 'unauthorized' : retryable(kind) ? 'unavailable' : 'vendor-rejected'
  return new HostFailure(code, err.message, details, {
    kind,
    ...(status !== undefined && { status }),
    ...(endpoint && { endpoint })
  })
}

/** Runs a gateway call for a handler: its domain errors leave as host failures. */
export async function viaGateway<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    throw toHostFailure(err)
  }
}
