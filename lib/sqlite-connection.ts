import Database from "better-sqlite3";
import { databaseUrl, providerOf, SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "./database-url";

/**
 * A direct better-sqlite3 connection for the review hot path. A review is three statements in
 * one BEGIN IMMEDIATE transaction: about 0.1 ms here against about 1.5 ms through Prisma, and
 * taking the write lock up front means a busy database makes the transaction wait for its
 * busy timeout instead of failing at COMMIT (the failure mode of prisma/orm#29933).
 */
export function openSqlite(url: string): Database.Database {
  const db = new Database(sqlitePath(url), { timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  return db;
}

const cache = globalThis as unknown as { retainSqlite?: Database.Database };

export function sqlite(): Database.Database {
  const url = databaseUrl();
  if (providerOf(url) !== "sqlite")
    throw new Error("The direct SQLite connection needs a file: DATABASE_URL");
  cache.retainSqlite ??= openSqlite(url);
  return cache.retainSqlite;
}

// Moved to lib/query/values (they serve PostgreSQL too); re-exported for branches in flight.
export { isTrue, parseSqlDate, type SqlDateValue, sqlDate } from "./query/values";
