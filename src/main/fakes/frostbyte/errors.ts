/**
 * Frostbyte's error envelope: `{ error: { code, message, details? } }`. `details` appears
 * only on `validation_error` and lists every failing field, capped at 20.
 */

export interface FieldIssue {
  path: string
  message: string
}

export class FbError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: FieldIssue[],
    readonly headers?: Record<string, string>
  ) {
    super(message)
  }

  toBody(): { error: { code: string; message: string; details?: FieldIssue[] } } {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) }
    }
  }
}

export const NUMBER_MESSAGE =
  'Must be a number. JSON null, booleans, arrays, and objects are not accepted — omit the field to use its default.'

export const fbError = {
  invalidParameter: (message: string) => new FbError(400, 'invalid_parameter', message),
  validation(issues: FieldIssue[]): FbError {
    const capped = issues.slice(0, 20)
    const first = capped[0]
    const message = first ? `${first.path}: ${first.message}` : 'Request body failed validation'
    return new FbError(400, 'validation_error', message, capped)
  },
  // ASSUMPTION: the docs give no code for invalid JSON (U12 covers 409/413 only); `invalid_json`.
  invalidJson: () => new FbError(400, 'invalid_json', 'Request body is not valid JSON'),
  unauthorized: () => new FbError(401, 'invalid_api_key', 'Invalid API key'),
  insufficientScope: (needed: string) =>
    new FbError(
      403,
      'insufficient_scope',
      `This API key lacks the scope required for this endpoint (${needed})`
    ),
  notFound: (what: string) => new FbError(404, 'not_found', `${what} not found`),
  // ASSUMPTION: `conflict` for unique-value clashes (U12).
  conflict: (message: string) => new FbError(409, 'conflict', message),
  conflictInProgress: () =>
    new FbError(
      409,
      'conflict_in_progress',
      'A request with this Idempotency-Key is still being processed',
      undefined,
      { 'Retry-After': '5' }
    ),
  // ASSUMPTION: `payload_too_large` (U12).
  tooLarge: () => new FbError(413, 'payload_too_large', 'Request body exceeds the 100 KB limit'),
  invalidReference: (message: string) => new FbError(422, 'invalid_reference', message),
  unprocessable: (message: string) => new FbError(422, 'unprocessable', message),
  idempotencyReuse: () =>
    new FbError(
      422,
      'idempotency_key_reuse',
      'This Idempotency-Key was already used with a different request body or endpoint — use a unique key per logical request'
    ),
  rateLimited: (retryAfter: number) =>
    new FbError(429, 'rate_limit_exceeded', 'Rate limit exceeded', undefined, {
      'Retry-After': String(retryAfter)
    })
}

/** Code and message for an injected `status` fault. */
export function faultError(
  status: number,
  retryAfter: number | undefined,
  message: string | undefined,
  details?: FieldIssue[]
): FbError {
  const [code, text] = STATUS_CODES[status] ?? ['error', `HTTP ${status}`]
  // The docs promise Retry-After: 30 on 503.
  const after = retryAfter ?? (status === 503 ? 30 : undefined)
  return new FbError(
    status,
    code,
    message ?? text,
    details,
    after === undefined ? undefined : { 'Retry-After': String(after) }
  )
}

const STATUS_CODES: Record<number, [string, string]> = {
  400: ['invalid_parameter', 'Bad request'],
  401: ['invalid_api_key', 'Invalid API key'],
  403: ['insufficient_scope', 'Insufficient scope'],
  404: ['not_found', 'Not found'],
  409: ['conflict', 'Conflict'],
  422: ['unprocessable', 'Unprocessable'],
  429: ['rate_limit_exceeded', 'Rate limit exceeded'],
  // ASSUMPTION: codes for 500/502/504 are not documented.
  500: ['internal_error', 'Internal server error'],
  502: ['bad_gateway', 'Bad gateway'],
  503: ['service_unavailable', 'Service temporarily unavailable'],
  504: ['gateway_timeout', 'Gateway timeout']
}
