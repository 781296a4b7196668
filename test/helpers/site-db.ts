import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * A PostgreSQL database of the test's own on the site server the tests use:
 * `STOCKROOM_TEST_PG`, else the one `.ci/run` starts (postgres:stockroom on
 * 127.0.0.1:5432). Created with a random name, dropped after.
 */
export const TEST_PG =
  process.env.STOCKROOM_TEST_PG ?? 'postgres://postgres:stockroom@127.0.0.1:5432/postgres'

export interface TestSiteDb {
  /** The connection string of the test's database. */
  url: string
  name: string
  /** A query on the test's database, as the site's administrator. */
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>
  /**
   * The database goes away for every PC: its connections are cut and new ones refused
   * (`ALLOW_CONNECTIONS false` and `pg_terminate_backend`). The server itself stays up, so
   * other test files using their own databases run on undisturbed.
   */
  cutOff(): Promise<void>
  /** The database takes connections again. */
  restore(): Promise<void>
  drop(): Promise<void>
}

/** Whether the test server answers; in CI (`CI=true`) an unreachable server is a failure, never a skip. */
export async function siteServerReachable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const c = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 3_000 })
  try {
    await c.connect()
    await c.query('SELECT 1')
    return { ok: true }
  } catch (err) {
    const reason = `PostgreSQL for the site tests is not reachable at ${TEST_PG.replace(/\/\/[^@]*@/, '//…@')}: ${(err as Error).message}`
    if (process.env.CI === 'true') throw new Error(`${reason} (CI starts it in .ci/run; it must be up)`)
    console.warn(`skipping the site database tests: ${reason}. Start it with: pg_ctlcluster 15 main start`)
    return { ok: false, reason }
  } finally {
    await c.end().catch(() => undefined)
  }
}

export async function createSiteDb(): Promise<TestSiteDb> {
  const name = `stockroom_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_PG })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(TEST_PG)
  url.pathname = `/${name}`
  const own = new pg.Pool({ connectionString: url.toString(), max: 1 })
  own.on('error', () => undefined)
  const terminate = () =>
    admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name]
    )
  return {
    url: url.toString(),
    name,
    async query(sql, params) {
      return (await own.query(sql, params)).rows
    },
    async cutOff() {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`)
      await terminate()
    },
    async restore() {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)
    },
    async drop() {
      await own.end().catch(() => undefined)
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined)
      await terminate()
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      await admin.end()
    }
  }
}
