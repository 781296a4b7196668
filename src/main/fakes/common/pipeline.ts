/**
 * The request pipeline every fake vendor runs, so that a fake is its data, its routes and
 * its auth, nothing else:
 *
 *   authenticate (401, or the vendor's own refusal) → route (404) → authorize (403)
 *   → body size (413) → Idempotency-Key, on routes that take one (replay | refuse | reserve)
 *   → wait out a `slow` fault → handler (validate, then apply) → ledger → store for replay
 *
 * The HTTP shell (http-server.ts) runs around it: it answers injected `status` and
 * `rate-limit` faults through `errors.fault` before the pipeline, and drops connections
 * before or after it. Headers `authenticate` returns (e.g. rate-limit counters) go on every
 * later answer, errors included.
 */
import type { FaultPlan } from './faults'
import type { FakeRequest, FakeResponse, FakeVendor } from './http-server'
import { IdempotencyStore, type IdempotencyRules } from './idempotency'
import { Router, type Params } from './router'
import type { LedgerEntry } from './types'

/**
 * What a route handler gets. Handlers are synchronous and run after authentication,
 * idempotency reservation and any `slow` fault: a handler validates everything first and
 * only then changes the data, so a thrown vendor error means nothing was applied.
 */
export interface HandlerContext<TData> {
  data: TData
  params: Params
  query: URLSearchParams
  /** The fake's clock at the commit point, epoch ms. */
  now: number
  rawBody: Buffer
  /** The parsed JSON body (undefined when empty); throws `errors.invalidJson()` when unparsable. */
  body(): unknown
}

export interface HandlerResult {
  status: number
  /** A JSON value; undefined sends no body (e.g. 204). */
  body?: unknown
  /** Id of the record a write created or changed (recorded in the ledger). */
  resourceId?: string
}

export interface FakeRoute<TData> {
  method: string
  /** `/products/:id` style; relative to the vendor's base path. */
  pattern: string
  handler: (ctx: HandlerContext<TData>) => HandlerResult
  /** Accepts the vendor's Idempotency-Key header (needs `VendorSpec.idempotency`). */
  idempotent?: boolean
}

/** A vendor's error envelope: its own error values, and how each is answered. */
export interface VendorErrors<E> {
  /** Tells the vendor's errors from anything else thrown (which is answered with `internal`). */
  is(err: unknown): err is E
  toResponse(err: E): FakeResponse
  routeNotFound(): E
  tooLarge(): E
  invalidJson(): E
  /** The answer to an injected `status` or `rate-limit` fault. */
  fault(fault: NonNullable<FaultPlan['respond']>): E
  /** The answer when a handler throws something that is not a vendor error. */
  internal(err: unknown): E
}

export interface VendorSpec<TData, P, E> {
  /** Documented path prefix, e.g. `/api/v1`; '' for none. */
  basePath: string
  maxBodyBytes: number
  routes: readonly FakeRoute<TData>[]
  errors: VendorErrors<E>
  /**
   * Who is calling: throws the vendor's error (401, throttling…) to refuse. Record the
   * presented credential in `req.log.apiKey`. `headers` go on every later answer.
   */
  authenticate(req: FakeRequest, nowMs: number): { principal: P; headers?: Record<string, string> }
  /** Throws the vendor's error (403) when `principal` may not call this route. */
  authorize?(principal: P, req: FakeRequest): void
  idempotency?: {
    /** Lower-case header name, e.g. `idempotency-key`. */
    header: string
    /** Principals with the same scope share keys (e.g. one organisation). */
    scope(principal: P): string
    rules: IdempotencyRules<E>
    /** Added to a replayed answer, e.g. `Idempotency-Replayed: true`. */
    replayHeaders: Record<string, string>
  }
}

/** Builds the shell's `FakeVendor` from a vendor's spec; applied writes go to `ledger`. */
export function createPipeline<TData, P, E>(
  spec: VendorSpec<TData, P, E>,
  shell: { data: TData; ledger: LedgerEntry[]; now: () => Date }
): FakeVendor {
  const { errors } = spec
  const router = new Router<FakeRoute<TData>>()
  for (const route of spec.routes) router.add(route.method, route.pattern, route)
  const store = spec.idempotency && new IdempotencyStore(spec.idempotency.rules)

  /** A vendor error as its answer, with `headers` under the error's own; anything else is rethrown (→ internal). */
  function answer(err: unknown, headers: Record<string, string> = {}): FakeResponse {
    if (!errors.is(err)) throw err
    const response = errors.toResponse(err)
    return { ...response, headers: { ...headers, ...response.headers } }
  }

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    const nowMs = shell.now().getTime()
    let auth: ReturnType<VendorSpec<TData, P, E>['authenticate']>
    try {
      auth = spec.authenticate(req, nowMs)
    } catch (err) {
      return answer(err)
    }
    const headers = auth.headers ?? {}
    try {
      const match = router.match(req.method, req.path)
      if (match.kind !== 'found') throw errors.routeNotFound()
      spec.authorize?.(auth.principal, req)
      if (req.bodyTooLarge) throw errors.tooLarge()
      const route = match.handler
      const idempotency = route.idempotent ? spec.idempotency : undefined
      const key = idempotency && headerValue(req.headers[idempotency.header])
      let reservation: { complete(status: number, bodyText: string): void; release(): void } | undefined
      if (idempotency && store && key !== undefined) {
        req.log.idempotencyKey = key
        const scope = idempotency.scope(auth.principal)
        const outcome = store.begin(scope, key, `${req.method} ${req.path}`, req.rawBody, nowMs)
        if (outcome.kind === 'replay') {
          req.log.replayed = true
          const replayed = { ...headers, ...idempotency.replayHeaders }
          return { status: outcome.status, rawJson: outcome.bodyText, headers: replayed }
        }
        reservation = outcome
      }
      try {
        await req.slow()
        const ctx = handlerContext(shell.data, match.params, req, shell.now().getTime(), errors)
        const result = route.handler(ctx)
        if (req.method !== 'GET' && result.status < 300) {
          shell.ledger.push({
            id: shell.ledger.length + 1,
            method: req.method,
            path: req.path,
            ...(key !== undefined && reservation ? { idempotencyKey: key } : {}),
            body: bodyOrUndefined(ctx),
            at: new Date(ctx.now).toISOString(),
            status: result.status,
            ...(result.resourceId !== undefined ? { resourceId: result.resourceId } : {})
          })
        }
        reservation?.complete(result.status, JSON.stringify(result.body))
        return { status: result.status, body: result.body, headers }
      } finally {
        reservation?.release()
      }
    } catch (err) {
      return answer(err, headers)
    }
  }

  return {
    basePath: spec.basePath,
    maxBodyBytes: spec.maxBodyBytes,
    handle,
    faultResponse: (fault) => answer(errors.fault(fault)),
    notFound: () => answer(errors.routeNotFound()),
    internalError: (err) => answer(errors.internal(err))
  }
}

function handlerContext<TData, E>(
  data: TData,
  params: Params,
  req: FakeRequest,
  now: number,
  errors: VendorErrors<E>
): HandlerContext<TData> {
  let parsed: { value: unknown } | undefined
  const raw = req.rawBody
  return {
    data,
    params,
    query: req.query,
    now,
    rawBody: raw,
    body() {
      if (!parsed) {
        if (raw.length === 0) parsed = { value: undefined }
        else {
          try {
            parsed = { value: JSON.parse(raw.toString('utf8')) as unknown }
          } catch {
            throw errors.invalidJson()
          }
        }
      }
      return parsed.value
    }
  }
}

function bodyOrUndefined(ctx: HandlerContext<unknown>): unknown {
  try {
    return ctx.body()
  } catch {
    return undefined
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v
}
