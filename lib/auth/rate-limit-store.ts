import "server-only";
import type Database from "better-sqlite3";
import type pg from "pg";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterSQLite,
} from "rate-limiter-flexible";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { processPool } from "@/lib/query/connections";
import { sqlite } from "@/lib/sqlite-connection";

/**
 * Where counters live: the SQLite file, or PostgreSQL (shared by every app instance). Without one
 * they live in this process only (tests of a limiter itself).
 */
export type RateLimitStore =
  | { kind: "sqlite"; client: Database.Database }
  | { kind: "postgresql"; pool: pg.Pool };

/** rate-limiter-flexible creates this table itself (key, points, expire). */
export const RATE_LIMIT_TABLE = "rate_limits";

function sqliteLimiter(db: Database.Database, keyPrefix: string, points: number, duration: number) {
  return new Promise<RateLimiterAbstract>((resolve, reject) => {
    const limiter: RateLimiterSQLite = new RateLimiterSQLite(
      {
        storeClient: db,
        storeType: "better-sqlite3",
        tableName: RATE_LIMIT_TABLE,
        keyPrefix,
        points,
        duration,
        clearExpiredByTimeout: true,
      },
      // Called once the table exists; consuming before that fails.
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

/**
 * The limiters' table on PostgreSQL, created once per pool before any limiter uses it. Each
 * limiter would otherwise run its own CREATE TABLE IF NOT EXISTS, and two of those at once (the
 * first sign-in on a fresh database checks three limiters) can fail with `type "rate_limits"
 * already exists`, which the library does not catch. A transaction-scoped advisory lock also
 * orders the creators of other app instances. The columns are the library's own (key, points, expire).
 */
const tablesReady = new WeakMap<pg.Pool, Promise<void>>();
function postgresTable(pool: pg.Pool): Promise<void> {
  let ready = tablesReady.get(pool);
  if (!ready) {
    ready = (async () => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [RATE_LIMIT_TABLE]);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
          broken = rollbackFailed;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    })();
    // A failure is not remembered: the next limiter tries again.
    ready.catch(() => tablesReady.delete(pool));
    tablesReady.set(pool, ready);
  }
  return ready;
}

async function postgresLimiter(
  pool: pg.Pool,
  keyPrefix: string,
  points: number,
  duration: number,
): Promise<RateLimiterAbstract> {
  await postgresTable(pool);
  // The table exists, so the limiter is ready as soon as it is made.
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    keyPrefix,
    points,
    duration,
    clearExpiredByTimeout: true,
  });
}

export function makeLimiter(
  store: RateLimitStore | undefined,
  keyPrefix: string,
  points: number,
  durationSec: number,
): Promise<RateLimiterAbstract> {
  if (store?.kind === "sqlite") return sqliteLimiter(store.client, keyPrefix, points, durationSec);
  if (store?.kind === "postgresql") return postgresLimiter(store.pool, keyPrefix, points, durationSec);
  return Promise.resolve(new RateLimiterMemory({ keyPrefix, points, duration: durationSec }));
}

/** The process's database connection (the one lib/query shares) as the limiters' store. */
export function throttleStore(): RateLimitStore {
  return providerOf(databaseUrl()) === "postgresql"
    ? { kind: "postgresql", pool: processPool() }
    : { kind: "sqlite", client: sqlite() };
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface AttemptLimit {
  /**
   * Counts one attempt before it is checked and says whether it may go ahead: a read-only check
   * would let many parallel guesses through while their password hashes are being verified.
   */
  reserve(key: string): Promise<LimitVerdict>;
  /** After a success: the key starts again from zero. */
  clear(key: string): Promise<void>;
}

/** `points` attempts per key per `durationSec`, for one kind of attempt (`keyPrefix`). */
export function createAttemptLimit(options: {
  keyPrefix: string;
  points: number;
  durationSec: number;
  store?: RateLimitStore;
}): AttemptLimit {
  const { keyPrefix, points, durationSec, store } = options;
  const limiter = makeLimiter(store, keyPrefix, points, durationSec);
  return {
    async reserve(key) {
      // `penalty` adds a point and never rejects.
      const res = await (await limiter).penalty(key);
      return res.consumedPoints > points
        ? { allowed: false, retryAfterMs: res.msBeforeNext }
        : { allowed: true };
    },
    async clear(key) {
      await (await limiter).delete(key);
    },
  };
}
