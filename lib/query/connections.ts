import pg from "pg";
import { databaseUrl, providerOf } from "../database-url";
import { postgresTypes } from "./postgres-driver";

/**
 * The process's connections besides Prisma's: on SQLite the one better-sqlite3 connection
 * (lib/sqlite-connection), on PostgreSQL one pg pool. Kysely (lib/query) runs on them,
 * and the rate limiter's store uses them too.
 */
export function createPostgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    types: postgresTypes,
  });
  // An idle connection the server ends (restart, failover, a dropped test database) must not take
  // the process down; the pool replaces it on the next query.
  pool.on("error", (error) => console.warn(`[sql] idle PostgreSQL connection closed: ${error.message}`));
  return pool;
}

const cache = globalThis as unknown as { retainPgPool?: { url: string; pool: pg.Pool } };

/** The process's PostgreSQL pool for DATABASE_URL, created on first use. */
export function processPool(): pg.Pool {
  const url = databaseUrl();
  if (providerOf(url) !== "postgresql")
    throw new Error("The PostgreSQL pool needs a postgresql:// DATABASE_URL");
  if (cache.retainPgPool?.url !== url) cache.retainPgPool = { url, pool: createPostgresPool(url) };
  return cache.retainPgPool.pool;
}

/** The process's PostgreSQL pool (for libraries that take one), or null on SQLite. */
export function postgresPool(): pg.Pool | null {
  return providerOf(databaseUrl()) === "postgresql" ? processPool() : null;
}

/** Ends the process's pool (tests and scripts; the server keeps it for its lifetime). */
export async function closeProcessPool(): Promise<void> {
  const current = cache.retainPgPool;
  cache.retainPgPool = undefined;
  await current?.pool.end();
}
