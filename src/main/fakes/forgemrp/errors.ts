/** The documented error envelope `{ error: { code, message } }`. */

export class ForgeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

/** ASSUMPTION: codes for statuses the seed does not list (5xx, 413). */
export const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'insufficient_scope',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'validation_error',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout'
}

export const DEFAULT_MESSAGE: Record<number, string> = {
  400: 'Bad request',
  401: 'Invalid or missing API key',
  404: 'Not found',
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout'
}

export const insufficientScope = (scope: string) =>
  new ForgeError(403, 'insufficient_scope', `This API key lacks the ${scope} scope`)
