import pg from 'pg'
import { migrate } from './schema'
import type { OutgoingChange, PcIdentity, SiteDb, SiteDbFactory, StoredChange, StoredPart } from './port'

/** The channel PCs listen on: the payload is only a nudge ("read after your cursor"). */
const CHANNEL = 'stockroom_site'
/**
 * Writers of the change log take this lock for their transaction, so seqs become visible in
 * order and a reader that moved its cursor past a seq never misses a smaller one committed later.
 * (Assumption: a site's PCs write a few changes a second; one writer at a time is plenty.)
 */
const LOG_LOCK = 7_263_002
const CONNECT_TIMEOUT_MS = 3_000
const QUERY_TIMEOUT_MS = 5_000

interface ChangeRow {
  seq: string
  change_id: string
  kind: string
  system: string | null
  pc_id: string
  pc: string
  body: Record<string, unknown>
}
interface PartRow {
  part_id: string
  session: string
  pc_id: string
  pc: string
  body: Record<string, unknown>
}

const toPart = (r: PartRow): StoredPart => ({
  partId: r.part_id,
  session: r.session,
  pcId: r.pc_id,
  pc: r.pc,
  body: r.body
})

/** The site database on PostgreSQL (node-postgres): a small pool for queries, one client for LISTEN. */
export const connectPgSite: SiteDbFactory = async (connectionString) => {
  const options = {
    connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: 'stockroom'
  }
  const pool = new pg.Pool({ ...options, max: 3 })
  const listener = new pg.Client(options)
  const lostListeners: ((err: Error) => void)[] = []
  const notifyListeners: (() => void)[] = []
  let lost = false
  const loseWith = (err: Error) => {
    if (lost) return
    lost = true
    for (const l of lostListeners) l(err)
  }
  // An idle pooled client that dies must not crash main: it is one more sign the database went away.
  pool.on('error', loseWith)
  listener.on('error', loseWith)
  listener.on('end', () => loseWith(new Error('The site database closed the connection.')))
  listener.on('notification', (n) => {
    if (n.channel === CHANNEL) for (const l of notifyListeners) l()
  })
  try {
    const client = await pool.connect()
    client.on('error', loseWith)
    try {
      await migrate(client)
    } finally {
      client.off('error', loseWith)
      client.release()
    }
    await listener.connect()
    await listener.query(`LISTEN ${CHANNEL}`)
  } catch (err) {
    lost = true
    await listener.end().catch(() => undefined)
    await pool.end().catch(() => undefined)
    throw err
  }

  const inTransaction = async <T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await pool.connect()
    // A client in use whose connection is cut says so as an event, not (only) as a failed query.
    c.on('error', loseWith)
    let failure: Error | undefined
    try {
      await c.query('BEGIN')
      const out = await work(c)
      await c.query('COMMIT')
      return out
    } catch (err) {
      failure = err as Error
      await c.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      c.off('error', loseWith)
      // A client that failed is not given to the next query: it may be the one whose connection was cut.
      c.release(failure)
    }
  }

  const db: SiteDb = {
    async push(pc: PcIdentity, changes: readonly OutgoingChange[]) {
      if (changes.length === 0) return
      await inTransaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [LOG_LOCK])
        for (const ch of changes) {
          const stored = await c.query(
            `INSERT INTO site_changes (change_id, kind, system, pc_id, pc, body, made_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (change_id) DO NOTHING RETURNING seq`,
            [ch.changeId, ch.kind, ch.system, pc.id, pc.name, ch.body, ch.madeAt]
          )
          // Already stored (a catch-up sending it again): its effects were applied with it.
          if (stored.rowCount === 0) continue
          await applyEffect(c, pc, ch)
        }
        await c.query('SELECT pg_notify($1, $2)', [CHANNEL, pc.id])
      })
    },
    async changesAfter(seq, limit) {
      const { rows } = await pool.query<ChangeRow>(
        `SELECT seq, change_id, kind, system, pc_id, pc, body FROM site_changes WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [seq, limit]
      )
      return rows.map(
        (r): StoredChange => ({
          seq: Number(r.seq),
          changeId: r.change_id,
          kind: r.kind,
          system: r.system,
          pcId: r.pc_id,
          pc: r.pc,
          body: r.body
        })
      )
    },
    async parts(system, location, exceptSession) {
      const { rows } = await pool.query<PartRow>(
        `SELECT part_id, session, pc_id, pc, body FROM site_count_parts
         WHERE system = $1 AND location = $2 AND session <> $3 AND claimed_by IS NULL AND NOT removed
         ORDER BY body->>'at', part_id`,
        [system, location, exceptSession]
      )
      return rows.map(toPart)
    },
    async claim(pc, system, location, bySession, sessions) {
      return inTransaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [LOG_LOCK])
        const { rows } = await c.query<PartRow & { removed: boolean }>(
          `UPDATE site_count_parts SET claimed_by = $4
           WHERE system = $1 AND location = $2 AND session = ANY($3) AND claimed_by IS NULL
           RETURNING part_id, session, pc_id, pc, body, removed`,
          [system, location, [...sessions], bySession]
        )
        const taken = [...new Set(rows.map((r) => r.session))]
        if (taken.length > 0) {
          await c.query(
            `INSERT INTO site_changes (change_id, kind, system, pc_id, pc, body, made_at)
             VALUES (gen_random_uuid(), 'claim', $1, $2, $3, $4, now())`,
            [system, pc.id, pc.name, { sessions: taken, by: bySession }]
          )
          await c.query('SELECT pg_notify($1, $2)', [CHANNEL, pc.id])
        }
        return rows.filter((r) => !r.removed).map(toPart)
      })
    },
    async takeToken(account, capacity, perSecond) {
      return inTransaction(async (c) => {
        await c.query(
          `INSERT INTO site_budget (account, tokens, capacity, per_second) VALUES ($1, $2, $2, $3)
           ON CONFLICT (account) DO NOTHING`,
          [account, capacity, perSecond]
        )
        const { rows } = await c.query<{ tokens: number; capacity: number; per_second: number; age: string }>(
          `SELECT tokens, capacity, per_second, EXTRACT(EPOCH FROM clock_timestamp() - updated_at) AS age
           FROM site_budget WHERE account = $1 FOR UPDATE`,
          [account]
        )
        const row = rows[0]!
        const now = Math.min(row.capacity, row.tokens + row.per_second * Number(row.age))
        const take = now >= 1 ? 1 : 0
        await c.query(
          'UPDATE site_budget SET tokens = $2, updated_at = clock_timestamp() WHERE account = $1',
          [account, now - take]
        )
        return take === 1 ? 0 : Math.ceil(((1 - now) / row.per_second) * 1000)
      })
    },
    async refill(account, remaining, capacity, perSecond) {
      // The vendor's count of what is left for the account is the truth: never hold more than it says.
      await pool.query(
        `INSERT INTO site_budget AS b (account, tokens, capacity, per_second) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account) DO UPDATE SET
           tokens = LEAST($2, LEAST(b.capacity, b.tokens + b.per_second * EXTRACT(EPOCH FROM clock_timestamp() - b.updated_at))),
           capacity = $3, per_second = $4, updated_at = clock_timestamp()`,
        [account, remaining, capacity, perSecond]
      )
    },
    onNotify: (l) => void notifyListeners.push(l),
    onLost: (l) => void lostListeners.push(l),
    async close() {
      lost = true
      await listener.end().catch(() => undefined)
      await pool.end().catch(() => undefined)
    }
  }
  return db
}

/** What a stored change means for the site's current state (links, count parts). */
async function applyEffect(c: pg.PoolClient, pc: PcIdentity, ch: OutgoingChange): Promise<void> {
  const b = ch.body
  switch (ch.kind) {
    case 'link':
    case 'unlink': {
      const at = String(ch.kind === 'link' ? b.linkedAt : b.removedAt)
      // The latest link (or removal) of a code wins, whatever order a catch-up brings them in.
      await c.query(
        `INSERT INTO site_links AS l (system, code, item, body, linked_at, removed) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (system, code) DO UPDATE SET item = $3, body = $4, linked_at = $5, removed = $6
         WHERE l.linked_at <= $5`,
        [ch.system, String(b.code), ch.kind === 'link' ? String(b.item) : null, b, at, ch.kind === 'unlink']
      )
      return
    }
    case 'part':
      await c.query(
        `INSERT INTO site_count_parts (part_id, system, location, session, pc_id, pc, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (part_id) DO NOTHING`,
        [ch.changeId, ch.system, String(b.location), String(b.session), pc.id, pc.name, b]
      )
      return
    case 'unpart':
      await c.query('UPDATE site_count_parts SET removed = true WHERE part_id = $1 AND claimed_by IS NULL', [
        String(b.partId)
      ])
      return
  }
}
