import type Database from "better-sqlite3";
import type pg from "pg";
import { databaseUrl, type Provider, providerOf } from "../database-url";
import { closeQuery } from "../query";
import { createPostgresPool, processPool } from "../query/connections";
import { beginImmediate, turnsOf } from "../query/sqlite-turns";
import { sqlDate } from "../query/values";
import { openSqlite, sqlite } from "../sqlite-connection";
import { type TranslatedSql, toPostgresSql } from "./translate";

export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/**
 * The raw-SQL path of the hot and aggregate queries, on either database. Statements use the
 * shared SQL subset (see translate.ts); results come back with the column names as written.
 * Dates may be passed as Date objects; rows carry dates as SQLite text or PostgreSQL Date
 * (lib/sqlite-connection parseSqlDate reads both).
 */
export interface SqlClient {
  readonly dialect: Provider;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** Rows changed by an INSERT, UPDATE or DELETE. */
  run(sql: string, params?: SqlParams): Promise<number>;
  /**
   * Runs `work` in one transaction: SQLite takes the write lock up front (BEGIN IMMEDIATE);
   * PostgreSQL runs READ COMMITTED, so writers guard with conditional statements.
   */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
}

// ---------------------------------------------------------------------------------------------
// SQLite: one better-sqlite3 connection per process. Statements are synchronous; a transaction
// holds a process-wide lock so no other request's statement lands inside it between awaits.

function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return sqlDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function sqliteParams(params: SqlParams | undefined): unknown[] {
  if (!params) return [];
  if (Array.isArray(params)) return params.map(sqliteValue);
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) named[key] = sqliteValue(value);
  return [named];
}

class SqliteClient implements SqlClient {
  readonly dialect = "sqlite" as const;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly connection: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Statements outside a transaction wait for running and queued ones, so they never join one. */
  private async idle(): Promise<void> {
    (await turnsOf(this.connection).take())();
  }

  readonly direct: SqlClient = {
    dialect: "sqlite",
    all: async <T>(sql: string, params?: SqlParams) => this.prepare(sql).all(...sqliteParams(params)) as T[],
    get: async <T>(sql: string, params?: SqlParams) =>
      this.prepare(sql).get(...sqliteParams(params)) as T | undefined,
    run: async (sql: string, params?: SqlParams) => this.prepare(sql).run(...sqliteParams(params)).changes,
    transaction: () => Promise.reject(new Error("Nested transactions are not supported")),
  };

  async all<T>(sql: string, params?: SqlParams) {
    await this.idle();
    return this.direct.all<T>(sql, params);
  }
  async get<T>(sql: string, params?: SqlParams) {
    await this.idle();
    return this.direct.get<T>(sql, params);
  }
  async run(sql: string, params?: SqlParams) {
    await this.idle();
    return this.direct.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const release = await turnsOf(this.connection).take();
    try {
      await beginImmediate(this.connection);
      try {
        const result = await work(this.direct);
        this.connection.prepare("COMMIT").run();
        return result;
      } catch (error) {
        if (this.connection.inTransaction) this.connection.prepare("ROLLBACK").run();
        throw error;
      }
    } finally {
      release();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a pg pool. Timestamps are `timestamp(3)` without time zone holding UTC, as Prisma
// writes them, so they are read and written as UTC whatever the server's TZ.

const translations = new Map<string, TranslatedSql>();
function translate(sql: string): TranslatedSql {
  let translated = translations.get(sql);
  if (!translated) {
    translated = toPostgresSql(sql);
    translations.set(sql, translated);
  }
  return translated;
}

function postgresArgs(sql: string, params: SqlParams | undefined): [string, unknown[]] {
  const { text, names } = translate(sql);
  if (!params) return [text, []];
  // Dates as UTC text: a time zone in the text is ignored by `timestamp without time zone`.
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  if (Array.isArray(params)) return [text, params.map(value)];
  const named = params as Record<string, unknown>;
  return [text, (names ?? []).map((name) => value(named[name]))];
}

type Queryable = Pick<pg.Pool, "query">;

class PostgresClient implements SqlClient {
  readonly dialect = "postgresql" as const;
  constructor(
    private readonly target: Queryable,
    readonly pool: pg.Pool | null,
  ) {}

  async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    const [text, values] = postgresArgs(sql, params);
    return (await this.target.query(text, values)).rows as T[];
  }
  async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params?: SqlParams): Promise<number> {
    const [text, values] = postgresArgs(sql, params);
    return (await this.target.query(text, values)).rowCount ?? 0;
  }
  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (!this.pool) throw new Error("Nested transactions are not supported");
    const connection = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await connection.query("BEGIN");
      const result = await work(new PostgresClient(connection, null));
      await connection.query("COMMIT");
      return result;
    } catch (error) {
      try {
        await connection.query("ROLLBACK");
      } catch (rollbackFailed) {
        // The connection may still be inside the transaction: destroy it instead of pooling it.
        broken = rollbackFailed as Error;
      }
      throw error;
    } finally {
      connection.release(broken);
    }
  }
}

export function createSqlClient(url: string): { client: SqlClient; close: () => Promise<void> } {
  if (providerOf(url) === "sqlite") {
    const connection = openSqlite(url);
    return { client: new SqliteClient(connection), close: async () => void connection.close() };
  }
  const pool = createPostgresPool(url);
  return { client: new PostgresClient(pool, pool), close: () => pool.end() };
}

const cache = globalThis as unknown as {
  retainSql?: { url: string; client: SqlClient; close: () => Promise<void> };
};

/** The process's raw-SQL client for DATABASE_URL, created on first use. */
export function sql(): SqlClient {
  const url = databaseUrl();
  if (cache.retainSql?.url !== url) {
    // On SQLite, share the process's one direct connection (lib/sqlite-connection).
    cache.retainSql =
      providerOf(url) === "sqlite"
        ? { url, client: new SqliteClient(sqlite()), close: async () => {} }
        : { url, client: new PostgresClient(processPool(), processPool()), close: async () => {} };
  }
  return cache.retainSql.client;
}

/** The process's PostgreSQL pool (for libraries that take one), or null on SQLite. */
export function postgresPool(): pg.Pool | null {
  // Not instanceof: the bundler may load this module more than once (server layers) while the
  // client itself is shared through globalThis.
  const client = sql();
  return client.dialect === "postgresql" ? ((client as PostgresClient).pool ?? null) : null;
}

/** Closes the PostgreSQL pool (tests and scripts; the server keeps it for its lifetime). */
export async function closeSql(): Promise<void> {
  const current = cache.retainSql;
  cache.retainSql = undefined;
  await current?.close();
  await closeQuery();
}

export { isUniqueViolation } from "../query/errors";
