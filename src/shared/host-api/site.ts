import { z } from 'zod'

/**
 * The optional site database (PostgreSQL) that PCs at one site share: barcode
 * links, the parts of a count several PCs make at one location, and a vendor
 * account's budget. Main owns the connection; the renderer only sees what it
 * shares and what the other PCs shared, resolved to this PC's connections.
 */

/** What the status bar and Settings say about the site database. */
export const siteStatus = z.object({
  /** A connection string is stored (it is never sent to the renderer). */
  configured: z.boolean(),
  state: z.enum(['off', 'connected', 'unreachable']),
  /** Shared changes made here that wait for the site database, in order. */
  waiting: z.number().int().nonnegative(),
  /** Why it is unreachable, in words, without the secret. */
  error: z.string().optional()
})
export type SiteStatus = z.infer<typeof siteStatus>

export const linkPackShape = z.object({ units: z.number().int().min(1), name: z.string().max(200) })

/** A change another PC (or this one) made, resolved to a connection of this PC. */
export const siteChangeForPc = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('link'),
    seq: z.number(),
    changeId: z.string(),
    connectionId: z.string(),
    code: z.string(),
    itemKey: z.string(),
    linkedAt: z.string(),
    linkedOn: z.string().optional(),
    pack: linkPackShape.optional()
  }),
  z.object({
    kind: z.literal('unlink'),
    seq: z.number(),
    changeId: z.string(),
    connectionId: z.string(),
    code: z.string()
  }),
  z.object({
    kind: z.literal('claim'),
    seq: z.number(),
    changeId: z.string(),
    /** The counts whose parts were included in another PC's submitted count. */
    sessions: z.array(z.string()),
    pc: z.string()
  })
])
export type SiteChangeForPc = z.infer<typeof siteChangeForPc>

/** One scan another PC made in its count at the same location (keys of this PC's connection). */
export const sitePart = z.object({
  partId: z.string(),
  session: z.string(),
  pc: z.string(),
  counter: z.string(),
  itemKey: z.string(),
  lotKey: z.string().optional(),
  kind: z.enum(['add', 'set']),
  quantity: z.number(),
  code: z.string().optional(),
  at: z.string()
})
export type SitePart = z.infer<typeof sitePart>

const where = z.object({ connectionId: z.string().max(200), locationKey: z.string().max(500) })

export const siteCalls = {
  'site:status': { request: z.object({}).strict(), response: siteStatus },
  /** Stores the connection string as a secret (null forgets it) and connects. */
  'site:configure': {
    request: z.object({ connectionString: z.string().max(2_000).nullable() }).strict(),
    response: siteStatus
  },
  /** Tries a connection string (or the stored one): connected, or the error in words. */
  'site:test': {
    request: z.object({ connectionString: z.string().max(2_000).optional() }).strict(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), message: z.string() }),
      z.object({ ok: z.literal(false), message: z.string() })
    ])
  },
  /**
   * What changed at the site since this replica last applied (`ack`: the last seq it applied,
   * kept by main). Up to `limit` changes, in order; `cursor` is the seq to ack once applied.
   */
  'site:pull': {
    request: z.object({ ack: z.number().int().nonnegative().optional() }).strict(),
    response: z.object({ changes: z.array(siteChangeForPc), cursor: z.number() })
  },
  /** The parts other PCs counted at this location, not yet included in a submitted count. */
  'site:parts': {
    request: where.extend({ countId: z.string().max(200) }).strict(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), parts: z.array(sitePart) }),
      z.object({ ok: z.literal(false), reason: z.enum(['off', 'unreachable']) })
    ])
  },
  /**
   * Claims other PCs' counts at the location for this PC's count, which sends their parts:
   * returns the parts claimed (only those no other PC claimed first).
   */
  'site:claimParts': {
    request: where.extend({ countId: z.string().max(200), sessions: z.array(z.string().max(200)) }).strict(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), parts: z.array(sitePart) }),
      z.object({ ok: z.literal(false), reason: z.enum(['off', 'unreachable']) })
    ])
  }
} as const

export const siteEvents = {
  /** Something changed at the site (or its status did): pull, and redraw what shows it. */
  'site:changed': siteStatus
} as const
