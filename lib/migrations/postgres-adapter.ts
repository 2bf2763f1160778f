import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

/** PostgreSQL's internal one-byte `"char"` type, used all over pg_catalog. */
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportCharAsText<T extends { query: (...args: never[]) => unknown }>(target: T): void {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]) => {
    const result = original(...args);
    if (!(result instanceof Promise)) return result;
    return result.then((value: QueryResultLike) => {
      for (const field of value?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return value;
    });
  };
  target.query = patched as unknown as T["query"];
}

/**
 * The schema engine reads PostgreSQL's catalog, whose `"char"` columns (relkind, contype, ...)
 * @prisma/adapter-pg 7.10 refuses to decode ("Column type 'char' could not be deserialized").
 * Their text form is the character itself, so the migration connection reports them as text.
 */
export function postgresMigrationAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  reportCharAsText(pool);
  pool.on("connect", (client) => reportCharAsText(client));
  return new PrismaPg(pool, { disposeExternalPool: true });
}
