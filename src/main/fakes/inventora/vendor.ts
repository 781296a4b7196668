/**
 * The Inventora request pipeline:
 *
 *   key (header `X-Inventora-API-Key` or query `x-inventora-api-key`) → 401
 *   → route (404) → body size (413) → wait out a `slow` fault → handler → ledger
 *
 * No rate limits and no idempotency keys are documented (U1, U2): writes simply apply, so
 * a retried `restock` applies twice — which is exactly what the client must guard against.
 */
import type { FakeRequest, FakeResponse, FakeVendor } from '../common/http-server'
import { Router } from '../common/router'
import type { LedgerEntry } from '../common/types'
import { InvError, makeContext } from './context'
import type { InventoraData } from './data'
import { resourceRoutes, type InvRoute } from './handlers-resources'
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

export function createInventoraVendor(data: InventoraData, ledger: LedgerEntry[]): FakeVendor {
  const router = new Router<InvRoute>()
  for (const route of [...resourceRoutes, ...taskRoutes]) router.add(route.method, route.pattern, route)

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    const header = req.headers['x-inventora-api-key']
    const key =
      (Array.isArray(header) ? header[0] : header) || req.query.get('x-inventora-api-key') || undefined
    if (key === undefined) return error(new InvError(401, 'API key missing'))
    req.log.apiKey = key
    if (!data.apiKeys.has(key)) return error(new InvError(401, 'Invalid API key'))
    try {
      const match = router.match(req.method, req.path)
      if (match.kind !== 'found') throw new InvError(404, 'Not found')
      if (req.bodyTooLarge) throw new InvError(413, 'Payload too large')
      await req.slow()
      const ctx = makeContext(data, match.params, req.query, req.rawBody)
      const result = match.handler.handler(ctx)
      if (req.method !== 'GET' && result.status < 300) {
        let body: unknown
        try {
          body = ctx.body()
        } catch {
          body = undefined
        }
        ledger.push({
          id: ledger.length + 1,
          method: req.method,
          path: req.path,
          body,
          at: new Date(ctx.now).toISOString(),
          status: result.status,
          ...(result.resourceId !== undefined ? { resourceId: result.resourceId } : {})
        })
      }
      return { status: result.status, body: result.body }
    } catch (err) {
      if (err instanceof InvError) return error(err)
      throw err
    }
  }

  return {
    basePath: INVENTORA_BASE_PATH,
    maxBodyBytes: MAX_BODY_BYTES,
    handle,
    faultResponse: (fault) =>
      fault.kind === 'rate-limit'
        ? error(
            new InvError(429, FAULT_MESSAGES[429] as string, { 'Retry-After': String(fault.retryAfter ?? 1) })
          )
        : error(
            new InvError(
              fault.status,
              fault.message ?? FAULT_MESSAGES[fault.status] ?? `HTTP ${fault.status}`,
              fault.retryAfter === undefined ? undefined : { 'Retry-After': String(fault.retryAfter) }
            )
          ),
    notFound: () => error(new InvError(404, 'Not found')),
    internalError: () => error(new InvError(500, 'Internal server error'))
  }
}

function error(err: InvError): FakeResponse {
  return { status: err.status, body: { error: err.message }, headers: { ...err.headers } }
}
