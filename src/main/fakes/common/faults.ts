/**
 * Fault injection for the fake vendors. A test queues rules; every request consults them
 * in the order they were added and collects at most one fault per category:
 *
 * | category  | kinds                                                     | effect                                                  |
 * |-----------|-----------------------------------------------------------|---------------------------------------------------------|
 * | respond   | `status`, `rate-limit`                                    | answer at once in the vendor's error format; nothing runs |
 * | delay     | `slow`                                                    | wait before the handler runs (after auth/idempotency reservation) |
 * | transport | `drop-before-commit`, `drop-after-commit`, `drop-mid-body` | destroy the socket: before the handler, after it (write committed, no reply) or half-way through the body |
 * | extra     | `extra-fields`                                            | add unknown fields to every record of a 2xx JSON body   |
 * | reshape   | `reshape`                                                 | send each record of a 2xx list in another documented shape |
 * | malformed | `malformed-record`                                        | break one record of a 2xx JSON body                     |
 * | unreadable | `unreadable-body`                                        | answer a 2xx with an HTML page or JSON cut short (complete HTTP response) |
 *
 * A rule fires when its `match` accepts the request and, with `every: n`, on every n-th
 * matching request. A fired rule uses up one of its `times` (default: unlimited) even if
 * another fault made it moot (e.g. `extra-fields` on a request that a `status` fault answered).
 */

/** What a rule's `match` sees of a request. `path` is relative to the fake's base URL. */
export interface FaultRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Readonly<Record<string, string | string[] | undefined>>
  body: string
}

export type Fault =
  /**
   * Answer with this status in the vendor's error envelope (e.g. 503, 500, 401). `details`
   * are field details (e.g. of a 422), given where the vendor's envelope has a place for them.
   */
  | {
      kind: 'status'
      status: number
      retryAfter?: number
      message?: string
      details?: { path: string; message: string }[]
    }
  /** Answer 429 with `Retry-After` (seconds, default 1). */
  | { kind: 'rate-limit'; retryAfter?: number }
  /** Delay the response by `ms`. */
  | { kind: 'slow'; ms: number }
  /** Destroy the connection before the handler runs: nothing is applied. */
  | { kind: 'drop-before-commit' }
  /** Run the handler (a write is applied and recorded in the ledger), then destroy the connection without a reply. */
  | { kind: 'drop-after-commit' }
  /** Run the handler, send the headers and part of the body, then destroy the connection. */
  | { kind: 'drop-mid-body' }
  /** Add unknown fields to every record (schema drift). */
  | { kind: 'extra-fields'; fields?: Record<string, unknown> }
  /**
   * Send every record of a list (`body.data[]`) as `rewrite` gives it (shape drift): the
   * alternatives a vendor's page leaves open — numeric ids, other field names, optional
   * parts left out. `rewrite` gets a copy, never the fake's own record, and its position.
   */
  | { kind: 'reshape'; rewrite: (record: Record<string, unknown>, index: number) => Record<string, unknown> }
  /**
   * Break one record (the middle one of a page): give `field` the wrong type or remove it.
   * Default field: the first of `sku`, `name`, `id` the record has.
   */
  | { kind: 'malformed-record'; field?: string; mode?: 'wrong-type' | 'missing' }
  /**
   * Answer a 2xx whose body cannot be read: an HTML page (a proxy's or a login page) or
   * the JSON cut short, with a Content-Length that matches what is sent.
   */
  | { kind: 'unreadable-body'; as: 'html' | 'truncated-json' }

export type FaultKind = Fault['kind']

export interface RuleOptions {
  /** How many times the rule fires before it is removed (default: unlimited). */
  times?: number
  /** Fire only on every n-th matching request (n, 2n, 3n, …). */
  every?: number
  /** Fire only for requests this accepts (default: all requests). */
  match?: (req: FaultRequest) => boolean
}

/** A fault plus when it applies, e.g. `{ kind: 'status', status: 503, retryAfter: 30, times: 2 }`. */
export type FaultRule = Fault & RuleOptions

/** Returned by {@link FaultController.add}: how often the rule fired, and a way to remove it. */
export interface FaultHandle {
  readonly fault: Fault
  /** Times this rule has fired so far. */
  readonly fired: number
  /** Firings left (Infinity when unlimited); 0 once used up. */
  readonly remaining: number
  remove(): void
}

/** The faults chosen for one request; built by {@link FaultController.plan}. */
export interface FaultPlan {
  respond?: Extract<Fault, { kind: 'status' | 'rate-limit' }>
  delayMs: number
  transport?: Extract<Fault, { kind: 'drop-before-commit' | 'drop-after-commit' | 'drop-mid-body' }>
  extra?: Extract<Fault, { kind: 'extra-fields' }>
  reshape?: Extract<Fault, { kind: 'reshape' }>
  malformed?: Extract<Fault, { kind: 'malformed-record' }>
  unreadable?: Extract<Fault, { kind: 'unreadable-body' }>
  /** Kinds that fired, for the request log. */
  kinds: FaultKind[]
}

type Category = 'respond' | 'delay' | 'transport' | 'extra' | 'reshape' | 'malformed' | 'unreadable'

function categoryOf(kind: FaultKind): Category {
  switch (kind) {
    case 'status':
    case 'rate-limit':
      return 'respond'
    case 'slow':
      return 'delay'
    case 'drop-before-commit':
    case 'drop-after-commit':
    case 'drop-mid-body':
      return 'transport'
    case 'extra-fields':
      return 'extra'
    case 'reshape':
      return 'reshape'
    case 'malformed-record':
      return 'malformed'
    case 'unreadable-body':
      return 'unreadable'
  }
}

interface ActiveRule {
  fault: Fault
  options: RuleOptions
  fired: number
  remaining: number
  seen: number
}

/** Predicates for `match`. */
export const matchers = {
  /** POST, PUT, PATCH and DELETE. */
  isWrite: (req: FaultRequest): boolean => req.method !== 'GET' && req.method !== 'HEAD',
  isRead: (req: FaultRequest): boolean => req.method === 'GET' || req.method === 'HEAD',
  /** Method (optional) and path prefix relative to the base URL, e.g. `on('POST', '/stock-adjustments')`. */
  on:
    (method: string | undefined, pathPrefix: string) =>
    (req: FaultRequest): boolean =>
      (method === undefined || req.method === method) && req.path.startsWith(pathPrefix)
}

export class FaultController {
  private rules: ActiveRule[] = []

  /** Queues a rule; see the module comment for how rules combine. */
  add(rule: FaultRule): FaultHandle {
    const { times, every, match, ...fault } = rule
    if (every !== undefined && (!Number.isInteger(every) || every < 1)) throw new Error('every must be >= 1')
    const active: ActiveRule = {
      fault: fault as Fault,
      options: { times, every, match },
      fired: 0,
      remaining: times ?? Infinity,
      seen: 0
    }
    this.rules.push(active)
    return {
      fault: active.fault,
      get fired() {
        return active.fired
      },
      get remaining() {
        return active.remaining
      },
      remove: () => {
        this.rules = this.rules.filter((r) => r !== active)
      }
    }
  }

  /** Fires `fault` on every n-th request (optionally only among requests `match` accepts). */
  everyNth(n: number, fault: Fault, options: Omit<RuleOptions, 'every'> = {}): FaultHandle {
    return this.add({ ...fault, ...options, every: n })
  }

  /** Fires `fault` on the next matching request only. */
  once(fault: Fault, match?: RuleOptions['match']): FaultHandle {
    return this.add({ ...fault, times: 1, match })
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = []
  }

  /** Rules still queued. */
  get size(): number {
    return this.rules.length
  }

  /** Decides the faults for one request. Called once per request by the fake server. */
  plan(req: FaultRequest): FaultPlan {
    const plan: FaultPlan = { delayMs: 0, kinds: [] }
    const taken = new Set<Category>()
    for (const rule of this.rules) {
      if (rule.remaining <= 0) continue
      if (rule.options.match && !rule.options.match(req)) continue
      const category = categoryOf(rule.fault.kind)
      if (taken.has(category)) continue
      rule.seen++
      const every = rule.options.every ?? 1
      if (rule.seen % every !== 0) continue
      taken.add(category)
      rule.fired++
      rule.remaining--
      plan.kinds.push(rule.fault.kind)
      const f = rule.fault
      switch (f.kind) {
        case 'status':
        case 'rate-limit':
          plan.respond = f
          break
        case 'slow':
          plan.delayMs = f.ms
          break
        case 'drop-before-commit':
        case 'drop-after-commit':
        case 'drop-mid-body':
          plan.transport = f
          break
        case 'extra-fields':
          plan.extra = f
          break
        case 'reshape':
          plan.reshape = f
          break
        case 'malformed-record':
          plan.malformed = f
          break
        case 'unreadable-body':
          plan.unreadable = f
          break
      }
    }
    this.rules = this.rules.filter((r) => r.remaining > 0)
    return plan
  }
}

const DEFAULT_EXTRA_FIELDS: Record<string, unknown> = {
  fakeAddedField: 'added-in-a-later-release',
  fakeAddedObject: { nested: true, level: 2 },
  fakeAddedList: [1, 'two', null]
}

/**
 * Applies the payload faults of `plan` to a JSON body in place. Records are the items of
 * `body.data` when it is an array, else the body object itself. Returns what was done.
 */
export function applyPayloadFaults(body: unknown, plan: FaultPlan): void {
  if (!plan.extra && !plan.malformed && !plan.reshape) return
  if (plan.reshape && isPlainObject(body) && Array.isArray(body.data)) {
    const rewrite = plan.reshape.rewrite
    body.data = body.data.map((r: unknown, i) => (isPlainObject(r) ? rewrite(r, i) : r))
  }
  const records = recordsOf(body)
  if (plan.extra) {
    const fields = plan.extra.fields ?? DEFAULT_EXTRA_FIELDS
    for (const r of records) Object.assign(r, structuredClone(fields))
    if (isPlainObject(body) && Array.isArray(body.data)) Object.assign(body, { fakeEnvelopeField: 'v1.9' })
  }
  if (plan.malformed) {
    const target = records[Math.floor(records.length / 2)]
    if (target) breakRecord(target, plan.malformed.field, plan.malformed.mode ?? 'wrong-type')
  }
}

function recordsOf(body: unknown): Record<string, unknown>[] {
  if (!isPlainObject(body)) return []
  const data = body.data
  if (Array.isArray(data)) return data.filter(isPlainObject)
  return [body]
}

function breakRecord(
  record: Record<string, unknown>,
  field: string | undefined,
  mode: 'wrong-type' | 'missing'
): void {
  const key = field ?? ['sku', 'name', 'id'].find((k) => k in record)
  if (key === undefined) return
  if (mode === 'missing') {
    delete record[key]
    return
  }
  const value = record[key]
  if (typeof value === 'string') record[key] = 12345
  else if (typeof value === 'number') record[key] = 'not-a-number'
  else if (typeof value === 'boolean') record[key] = 'yes'
  else record[key] = 42
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
