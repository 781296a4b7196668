import type { VendorErrorInfo } from '../../shared/vendors/errors'

/** Why the gateway could not even ask the vendor. */
export type GatewayErrorKind = 'no-connection' | 'unsupported-vendor' | 'no-resource' | 'no-capability'

/** A request the gateway refused before any vendor was asked; the message is for people. */
export class GatewayError extends Error {
  constructor(
    readonly kind: GatewayErrorKind,
    message: string
  ) {
    super(message)
  }
}

/**
 * A vendor's failure as the gateway reports it: the classified error and the
 * plain words for the person who will read it (the connection named).
 */
export class ConnectionFailure extends Error {
  constructor(
    readonly info: VendorErrorInfo,
    message: string
  ) {
    super(message)
  }
}
