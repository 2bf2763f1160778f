import type Database from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import { beginImmediate, turnsOf } from "./sqlite-turns";
import { countStatement } from "./statement-count";
import { sqlDate } from "./values";

/** Prepared statements kept per connection; past this, the oldest is dropped. */
const STATEMENT_CACHE = 1000;

function bindable(value: unknown): unknown {
  if (value instanceof Date) return sqlDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** A transaction that let the event loop turn (it awaited something besides its statements). */
export class SqliteTransactionYieldedError extends Error {
  constructor() {
    super(
      "A SQLite transaction awaited something other than its own statements and was rolled back. " +
        "Do that work before or after the transaction (docs/data-access.md).",
    );
  }
}

/**
 * Kysely on the process's one better-sqlite3 connection (lib/sqlite-connection). Differences
 * from Kysely's own SQLite driver, each for a guarantee in docs/reliability.md:
 * - write transactions begin with BEGIN IMMEDIATE (the write lock up front, so a busy database
 *   makes a writer wait at BEGIN instead of failing at COMMIT), retried without blocking the
 *   event loop (lib/query/sqlite-turns.ts);
 * - a transaction must finish within one turn of the event loop: statements are synchronous, so
 *   that holds unless the code inside awaits something else. One that does is rolled back when
 *   the event loop turns, before another connection can be made to wait on its lock;
 * - a write outside a transaction runs in its own BEGIN IMMEDIATE, for the same reason;
 * - statements are prepared once and cached; Dates and booleans are bound as Prisma stores them.
 */
class SqliteQueryConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Database.Statement>();
  /** Bumped at each BEGIN; a transaction's guard compares it with the one it started as. */
  private transaction = 0;
  private open = false;
  private yielded = false;

  constructor(readonly db: Database.Database) {}

  private prepare(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement) return statement;
    statement = this.db.prepare(text);
    if (this.statements.size >= STATEMENT_CACHE) {
      const oldest = this.statements.keys().next().value;
      if (oldest !== undefined) this.statements.delete(oldest);
    }
    this.statements.set(text, statement);
    return statement;
  }

  async begin(): Promise<void> {
    await beginImmediate(this.db);
    countStatement("BEGIN IMMEDIATE");
    this.open = true;
    this.yielded = false;
    const started = ++this.transaction;
    setImmediate(() => {
      if (!this.open || this.transaction !== started) return;
      this.yielded = true;
      this.open = false;
      if (this.db.inTransaction) this.db.prepare("ROLLBACK").run();
    });
  }

  async commit(): Promise<void> {
    if (this.yielded) throw new SqliteTransactionYieldedError();
    this.open = false;
    countStatement("COMMIT");
    this.prepare("COMMIT").run();
  }

  async rollback(): Promise<void> {
    const wasOpen = this.open;
    this.open = false;
    if (wasOpen && this.db.inTransaction) this.prepare("ROLLBACK").run();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.yielded) throw new SqliteTransactionYieldedError();
    const statement = this.prepare(compiled.sql);
    const parameters = compiled.parameters.map(bindable);
    if (!this.open && !statement.readonly) {
      await this.begin();
      try {
        const result = this.run<R>(statement, parameters);
        await this.commit();
        return result;
      } catch (error) {
        await this.rollback();
        throw error;
      }
    }
    return this.run<R>(statement, parameters);
  }

  /** The turn ends: a transaction rolled back for yielding no longer refuses statements. */
  released(): void {
    this.yielded = false;
  }

  private run<R>(statement: Database.Statement, parameters: unknown[]): QueryResult<R> {
    countStatement(statement.source);
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes } = statement.run(parameters);
    return { rows: [], numAffectedRows: BigInt(changes) };
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const statement = this.prepare(compiled.sql);
    for (const row of statement.iterate(compiled.parameters.map(bindable))) yield { rows: [row as R] };
  }
}

class SqliteQueryDriver implements Driver {
  private readonly connection: SqliteQueryConnection;
  private readonly ends: Array<() => void> = [];

  constructor(db: Database.Database) {
    this.connection = new SqliteQueryConnection(db);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.ends.push(await turnsOf(this.connection.db).take());
    return this.connection;
  }

  async releaseConnection() {
    this.connection.released();
    this.ends.shift()?.();
  }

  async beginTransaction(connection: DatabaseConnection) {
    await (connection as SqliteQueryConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection) {
    await (connection as SqliteQueryConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await (connection as SqliteQueryConnection).rollback();
  }

  async destroy() {
    // The connection belongs to lib/sqlite-connection and lives as long as the process.
  }
}

export function sqliteDialect(db: Database.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SqliteQueryDriver(db),
    createIntrospector: (kysely) => new SqliteIntrospector(kysely),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

export { CompiledQuery };
