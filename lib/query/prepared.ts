import type { Compilable, CompiledQuery, QueryResult } from "kysely";
import type { Provider } from "../database-url";
import type { Database } from "./index";

const MARK = "\u0000kysely-param:";

/**
 * A statement built and compiled once, then run with new values: the hot path skips Kysely's
 * build-and-compile on every call (about a millisecond of CPU for the review's read). `build`
 * (`prepared<Params>()(build)`) receives `param(name)`, a stand-in value for each named parameter; every other value is fixed.
 * Only for statements whose shape does not depend on the values (no `in` lists). `only` names
 * the one database a statement is written for (PostgreSQL's data-modifying CTEs, say).
 */
export function prepared<P extends Record<string, unknown>>(options: { only?: Provider } = {}) {
  return <R>(
    build: (db: Database, param: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
  ) => {
    registry.push({
      site: callerSite(),
      only: options.only,
      compile: (db) => build(db, (name) => `${MARK}${name}` as never).compile(),
    });
    return compileOnce<P, R>(build);
  };
}

/** A statement made by `prepared`, where it was defined, and its compiled form for a database. */
export interface PreparedStatement {
  site: string;
  /** The one database the statement is for; every database when undefined. */
  only: Provider | undefined;
  compile(db: Database): CompiledQuery;
}

const registry: PreparedStatement[] = [];

/**
 * Every statement `prepared` made in the modules loaded so far: test/integration/statements.test.ts
 * prepares each on both databases, so a new one is checked without being listed.
 */
export function preparedStatements(): readonly PreparedStatement[] {
  return registry;
}

/** The file and line that called `prepared<P>()(build)`, to name the statement in test output. */
function callerSite(): string {
  const frame = new Error().stack?.split("\n")[3] ?? "";
  return frame.trim().replace(/^at\s+/, "");
}

function compileOnce<P extends Record<string, unknown>, R>(
  build: (db: Database, param: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
) {
  // One compiled form per dialect (a transaction compiles as its database does).
  const compiled = new Map<
    unknown,
    { query: CompiledQuery<R>; slots: Array<{ name: string } | { value: unknown }> }
  >();
  return async (db: Database, values: P): Promise<QueryResult<R>> => {
    const dialect = db.getExecutor().adapter.constructor;
    let entry = compiled.get(dialect);
    if (!entry) {
      const query = build(db, (name) => `${MARK}${name}` as never).compile();
      const slots = query.parameters.map((value) =>
        typeof value === "string" && value.startsWith(MARK) ? { name: value.slice(MARK.length) } : { value },
      );
      entry = { query, slots };
      compiled.set(dialect, entry);
    }
    const parameters = entry.slots.map((slot) => ("name" in slot ? values[slot.name] : slot.value));
    return db.executeQuery<R>({ ...entry.query, parameters });
  };
}
