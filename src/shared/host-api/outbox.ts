import { z } from 'zod'

/** A write as it will be sent: frozen at enqueue time, byte for byte. */
export const frozenRequest = z.object({
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().regex(/^\/[\w\-./:@]*$/, 'path must be relative to the connection address'),
  /** Exact body bytes (Frostbyte compares a hash of them for Idempotency-Key replays). */
  body: z.string().max(100 * 1024),
  /** The vendor takes no Idempotency-Key on this endpoint: none is sent (an empty body is sent as none). */
  noKey: z.literal(true).optional()
})
export type FrozenRequest = z.infer<typeof frozenRequest>

export const sendOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('applied'),
    status: z.number(),
    /** The vendor's answer, parsed. */
    body: z.unknown(),
    /** Frostbyte answered from its idempotency store: the write had already been applied once. */
    replayed: z.boolean()
  }),
  z.object({
    outcome: z.literal('failed'),
    error: z.object({
      kind: z.enum([
        'network',
        'timeout',
        'rate-limited',
        'unavailable',
        'in-progress',
        'unauthorized',
        'forbidden',
        'invalid',
        'not-found',
        'conflict',
        'malformed'
      ]),
      status: z.number().optional(),
      code: z.string().optional(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      retryAfterMs: z.number().optional()
    }),
    /**
     * Whether the vendor may have applied the write: 'no' when the request
     * provably never reached it or it answered that it did not (429, 503, 4xx);
     * 'maybe' when the answer was lost (reset, timeout, 500/502/504).
     */
    applied: z.enum(['no', 'maybe'])
  })
])
export type SendOutcome = z.infer<typeof sendOutcome>

/** One change of stock the vendor recorded at an item and place (its movement log). */
export const vendorChange = z.object({
  /** The item it changed (its vendor id). */
  itemVendorId: z.string(),
  /** When the vendor recorded it (the vendor's clock). */
  at: z.string(),
  /** Signed, in base units. */
  change: z.number(),
  /** The vendor's own reference of what made it (Frostbyte: the adjustment's number). */
  reference: z.string(),
  /** What kind of movement, in words ("stock adjustment", "receipt", …). */
  kind: z.string(),
  /** The note the writer left on it, where the vendor keeps one ("Count — PC-2 at …"). */
  note: z.string().optional()
})
export type VendorChange = z.infer<typeof vendorChange>

/**
 * What changed at an item and place since an instant: the vendor's movements where it
 * keeps a log, else only its current level (then a change shows as a level that is not
 * the one the count expected).
 */
export const changesSince = z.discriminatedUnion('kind', [
  /** Changes not made by this PC's own writes, oldest first. */
  z.object({ kind: z.literal('log'), changes: z.array(vendorChange) }),
  z.object({
    kind: z.literal('level'),
    levels: z.array(z.object({ itemVendorId: z.string(), onHand: z.number().nullable() }))
  })
])
export type ChangesSince = z.infer<typeof changesSince>

export const outboxCalls = {
  'outbox:send': {
    request: z
      .object({
        connectionId: z.string().min(1),
        /** Sent as Idempotency-Key where the vendor supports it. */
        idempotencyKey: z.string().min(8).max(200),
        request: frozenRequest
      })
      .strict(),
    response: sendOutcome
  },
  /** A cheap authenticated request: is the vendor reachable now? */
  'outbox:probe': {
    request: z.object({ connectionId: z.string().min(1) }).strict(),
    response: z.object({ reachable: z.boolean(), message: z.string() })
  },
  /** The vendor's current on-hand level of an item at a location (needs-review shows it). */
  'outbox:currentLevel': {
    request: z
      .object({ connectionId: z.string().min(1), itemVendorId: z.string(), locationVendorId: z.string() })
      .strict(),
    response: z.object({ onHand: z.number().nullable() })
  },
  /**
   * Before a count's write first leaves: what the vendor recorded at its items at one
   * place since the count's baseline (one log request per place, read to its end; or each
   * item's level where the vendor keeps no log). Paced and counted like every other.
   */
  'outbox:changesSince': {
    request: z
      .object({
        connectionId: z.string().min(1),
        locationVendorId: z.string(),
        itemVendorIds: z.array(z.string()).min(1).max(500),
        since: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'since must be an instant'),
        /** The vendor's references of this PC's own writes: left out of the answer. */
        own: z.array(z.string().max(200)).max(5000).optional()
      })
      .strict(),
    response: changesSince
  },
  /** What the vendor has recorded on one production-task line (needs-review of a batch shows it). */
  'outbox:taskLine': {
    request: z
      .object({ connectionId: z.string().min(1), taskVendorId: z.string().min(1), lineId: z.string().min(1) })
      .strict(),
    response: z.object({ made: z.number(), batches: z.number() }).nullable()
  }
} as const
