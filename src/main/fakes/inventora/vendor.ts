/**
 * Inventora's part of the shared pipeline (common/pipeline.ts): its key (header
 * `X-Inventora-API-Key` or query `x-inventora-api-key`), its `{ error }` envelope and its routes.
 *
 * No rate limits and no idempotency keys are documented (U1, U2): writes simply apply, so
 * a retried `restock` applies twice — which is exactly what the client must guard against.
 */
import type { VendorSpec } from '../common/pipeline'
import { InvError } from './context'
import type { InventoraData } from './data'
import { resourceRoutes } from './handlers-resources'
import { taskRoutes } from './handlers-tasks'

export const INVENTORA_BASE_PATH = '/api'
/** ASSUMPTION: the body size limit is not documented; 1 MB → 413. */
const MAX_BODY_BYTES = 1024 * 1024

// ASSUMPTION: messages for statuses the docs do not show.
const FAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Invalid API key',
  404: 'Not found',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout'
}

const retryAfter = (seconds: number | undefined) =>
  seconds === undefined ? undefined : { 'Retry-After': String(seconds) }

export function inventoraSpec(data: InventoraData): VendorSpec<InventoraData, string, InvError> {
  return {
    basePath: INVENTORA_BASE_PATH,
    maxBodyBytes: MAX_BODY_BYTES,
    routes: [...resourceRoutes, ...taskRoutes],
    authenticate(req) {
      const header = req.headers['x-inventora-api-key']
      const key =
        (Array.isArray(header) ? header[0] : header) || req.query.get('x-inventora-api-key') || undefined
      if (key === undefined) throw new InvError(401, 'API key missing')
      req.log.apiKey = key
      if (!data.apiKeys.has(key)) throw new InvError(401, 'Invalid API key')
      return { principal: key }
    },
    errors: {
      is: (err): err is InvError => err instanceof InvError,
      toResponse: (err) => ({
        status: err.status,
        body: { error: err.message },
        headers: { ...err.headers }
      }),
      routeNotFound: () => new InvError(404, 'Not found'),
      tooLarge: () => new InvError(413, 'Payload too large'),
      // ASSUMPTION: the message for an unparsable body.
      invalidJson: () => new InvError(400, 'Invalid JSON body'),
      fault: (fault) =>
        fault.kind === 'rate-limit'
          ? new InvError(429, FAULT_MESSAGES[429] as string, retryAfter(fault.retryAfter ?? 1))
          : new InvError(
              fault.status,
              fault.message ?? FAULT_MESSAGES[fault.status] ?? `HTTP ${fault.status}`,
              retryAfter(fault.retryAfter)
            ),
      internal: () => new InvError(500, 'Internal server error')
    }
  }
}
