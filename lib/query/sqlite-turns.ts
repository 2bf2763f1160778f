import type Database from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS } from "../database-url";

/**
 * Turns on the process's one SQLite connection. A transaction holds a turn from BEGIN to COMMIT,
 * so no other request's statement can land inside it; a statement outside a transaction takes
 * a turn too, which is free when nobody holds one. Shared by everything that uses the connection
 * (the lib/query driver, raw admin statements) through the connection object.
 */
export class SqliteTurns {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  /** Resolves with the function that ends the turn. */
  take(): Promise<() => void> {
    this.holders += 1;
    let end = () => {};
    const done = new Promise<void>((resolve) => {
      end = () => {
        this.holders -= 1;
        resolve();
      };
    });
    const previous = this.tail;
    this.tail = previous.then(() => done);
    // Nobody before us: skip waiting on the chain (the common case, one promise less).
    if (this.holders === 1) return Promise.resolve(end);
    return previous.then(() => end);
  }
}

/**
 * One registry per process, on globalThis: the server bundles this module more than once (the
 * app's routes and the Pages Router API route, pages/api/reviews.ts, are separate bundles), and
 * two copies handing out two queues for one connection would let their transactions interleave.
 */
const processTurns = globalThis as unknown as { retainSqliteTurns?: WeakMap<Database.Database, SqliteTurns> };
processTurns.retainSqliteTurns ??= new WeakMap();
const turns = processTurns.retainSqliteTurns;

export function turnsOf(connection: Database.Database): SqliteTurns {
  let found = turns.get(connection);
  if (!found) {
    found = new SqliteTurns();
    turns.set(connection, found);
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface BeginStatements {
  noWait: Database.Statement;
  begin: Database.Statement;
  wait: Database.Statement;
}
const beginStatements = new WeakMap<Database.Database, BeginStatements>();

/**
 * BEGIN IMMEDIATE without blocking the event loop. better-sqlite3 is synchronous: with a busy
 * timeout, a BEGIN that waits for another connection's write lock (Prisma's, or another
 * process's) would freeze the whole process, and with it the very transaction holding the lock,
 * until the timeout ends in SQLITE_BUSY (5.1 s, issue 17). So the BEGIN itself does not wait:
 * it fails at once when the lock is taken and is retried after a pause, up to the same timeout.
 */
export async function beginImmediate(connection: Database.Database): Promise<void> {
  let statements = beginStatements.get(connection);
  if (!statements) {
    statements = {
      noWait: connection.prepare("PRAGMA busy_timeout = 0"),
      begin: connection.prepare("BEGIN IMMEDIATE"),
      wait: connection.prepare(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`),
    };
    beginStatements.set(connection, statements);
  }
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
    statements.noWait.get();
    try {
      statements.begin.run();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
    } finally {
      statements.wait.get();
    }
    await sleep(pause);
  }
}
