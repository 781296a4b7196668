import type { PoolClient } from 'pg'

/**
 * The site database's schema, created and migrated by Stockroom: each version
 * once, in order, recorded in `stockroom_migrations`. A PC that finds a newer
 * version than it knows refuses to write (an older Stockroom must not guess at
 * a newer schema). Versions are never edited once released: add one.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'change log, links and count parts',
    sql: `
      -- Every shared change, once: change_id is made by the PC that made the change, so a
      -- catch-up after an outage that sends it again inserts nothing.
      CREATE TABLE site_changes (
        seq bigserial PRIMARY KEY,
        change_id uuid NOT NULL UNIQUE,
        kind text NOT NULL,
        system text,
        pc_id text NOT NULL,
        pc text NOT NULL,
        body jsonb NOT NULL,
        made_at timestamptz NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      );
      -- One link per system and code: the latest made wins (a removal is a link with removed = true).
      CREATE TABLE site_links (
        system text NOT NULL,
        code text NOT NULL,
        item text,
        body jsonb NOT NULL,
        linked_at timestamptz NOT NULL,
        removed boolean NOT NULL DEFAULT false,
        PRIMARY KEY (system, code)
      );
      -- One row per scan a PC made in its count at a location; claimed_by is the count that sent it.
      CREATE TABLE site_count_parts (
        part_id uuid PRIMARY KEY,
        system text NOT NULL,
        location text NOT NULL,
        session text NOT NULL,
        pc_id text NOT NULL,
        pc text NOT NULL,
        body jsonb NOT NULL,
        removed boolean NOT NULL DEFAULT false,
        claimed_by text
      );
      CREATE INDEX site_count_parts_place ON site_count_parts (system, location) WHERE claimed_by IS NULL;
    `
  },
  {
    version: 2,
    name: 'budget buckets',
    sql: `
      -- One token bucket per vendor account (account: a hash of vendor, address and key; never the key).
      CREATE TABLE site_budget (
        account text PRIMARY KEY,
        tokens double precision NOT NULL,
        capacity double precision NOT NULL,
        per_second double precision NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
    `
  }
]

export const LATEST_SITE_SCHEMA = migrations[migrations.length - 1]!.version

/** Serialises Stockroom's schema changes across PCs starting at once. */
const MIGRATION_LOCK = 7_263_001

/** Brings the schema up to {@link LATEST_SITE_SCHEMA}; returns the versions applied now. */
export async function migrate(client: PoolClient): Promise<number[]> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`CREATE TABLE IF NOT EXISTS stockroom_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
    const { rows } = await client.query<{ version: number }>('SELECT version FROM stockroom_migrations')
    const have = new Set(rows.map((r) => r.version))
    const newest = Math.max(0, ...have)
    if (newest > LATEST_SITE_SCHEMA)
      throw new Error(
        `The site database was set up by a newer Stockroom (schema ${newest}; this one knows ${LATEST_SITE_SCHEMA}). Update Stockroom on this PC.`
      )
    const applied: number[] = []
    for (const m of migrations) {
      if (have.has(m.version)) continue
      await client.query(m.sql)
      await client.query('INSERT INTO stockroom_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name
      ])
      applied.push(m.version)
    }
    await client.query('COMMIT')
    return applied
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  }
}
