import { createHash } from "node:crypto";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import { countStatement } from "./statement-count";

/**
 * How rows are read, set on the pool (never on pg's global parsers, which every other pg user
 * in the process would inherit). Timestamps are `timestamp(3)` without time zone holding UTC, as
 * Prisma writes them; counts (int8) and numerics come back as numbers.
 */
const PARSERS: Record<number, (text: string) => unknown> = {
  [pg.types.builtins.TIMESTAMP]: (text) => new Date(`${text.replace(" ", "T")}Z`),
  [pg.types.builtins.INT8]: (text) => Number(text),
  [pg.types.builtins.NUMERIC]: (text) => Number(text),
};

export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** Dates as UTC text: a time zone in the text is ignored by `timestamp without time zone`. */
function bindable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Named prepared statements kept per connection; statements past this run unnamed. */
const NAMED_PER_CONNECTION = 500;
const names = new Map<string, string>();

/** A statement's name is a digest of its text, so one text always has one name. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `k${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/**
 * One pooled client. Statements run as named prepared statements: PostgreSQL parses and plans
 * each text once per connection instead of on every call (issue 18).
 */
class PostgresQueryConnection implements DatabaseConnection {
  private readonly prepared = new Set<string>();
  /** Set when the connection may be unusable (a failed ROLLBACK): the pool then discards it. */
  broken: Error | undefined;

  constructor(readonly client: pg.PoolClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const text = compiled.sql;
    let name: string | undefined = nameOf(text);
    if (!this.prepared.has(name)) {
      if (this.prepared.size >= NAMED_PER_CONNECTION) name = undefined;
      else this.prepared.add(name);
    }
    countStatement(text);
    const result = await this.client.query({ text, name, values: compiled.parameters.map(bindable) });
    const changed =
      result.command === "INSERT" ||
      result.command === "UPDATE" ||
      result.command === "DELETE" ||
      result.command === "MERGE";
    return {
      rows: (result.rows ?? []) as R[],
      ...(changed ? { numAffectedRows: BigInt(result.rowCount ?? 0) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; Kysely's interface asks for it.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming is not supported on this connection");
  }
}

class PostgresQueryDriver implements Driver {
  private readonly connections = new WeakMap<pg.PoolClient, PostgresQueryConnection>();

  constructor(private readonly pool: pg.Pool) {}

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let connection = this.connections.get(client);
    if (!connection) {
      const created = new PostgresQueryConnection(client);
      // A connection lost while checked out (server restart, terminated backend) emits an error
      // the pool does not listen for while it is lent: keep it here, and destroy it on release.
      client.on("error", (error) => {
        created.broken = error;
      });
      connection = created;
      this.connections.set(client, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const level = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}` : "";
    await connection.executeQuery(CompiledQuery.raw(`BEGIN${level}`));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("COMMIT"));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    try {
      await connection.executeQuery(CompiledQuery.raw("ROLLBACK"));
    } catch (error) {
      // The connection may still be inside the transaction: it must not go back to the pool.
      (connection as PostgresQueryConnection).broken = error as Error;
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection) {
    const { client, broken } = connection as PostgresQueryConnection;
    // release(error) destroys the client instead of handing it to the next request.
    if (broken) client.release(broken);
    else client.release();
  }

  async destroy() {
    // The pool belongs to lib/query/connections and lives as long as the process.
  }
}

export function postgresDialect(pool: pg.Pool): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PostgresQueryDriver(pool),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
