import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { POSTGRES_SCHEMA, writePostgresSchema } from "../../scripts/db/provider-schema.mjs";
import { adapterFactoryFor, type Provider, providerOf } from "../database-url";
import { postgresMigrationAdapterFactory } from "./postgres-adapter";
import { openSchemaEngine } from "./schema-engine";

// Scripts, tests and the server all run from the project root.
const ROOT = process.cwd();
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

/** Each provider has its own history in Prisma's standard format, from the one set of models. */
export function migrationsDirFor(provider: Provider): string {
  return provider === "sqlite" ? MIGRATIONS_DIR : path.join(ROOT, "prisma/postgresql/migrations");
}

/** The schema file the engine reads for this provider (PostgreSQL's is derived from SQLite's). */
export function schemaPathFor(provider: Provider): string {
  if (provider === "sqlite") return SCHEMA_PATH;
  writePostgresSchema(ROOT);
  return path.join(ROOT, POSTGRES_SCHEMA);
}
const NO_FILTERS = { externalTables: [], externalEnums: [] };

export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory())
    : [];
  const migrationDirectories = await Promise.all(
    names
      .map((e) => e.name)
      .sort()
      .map(async (name) => {
        const file = path.join(dir, name, "migration.sql");
        const content = existsSync(file)
          ? { tag: "ok" as const, value: await readFile(file, "utf8") }
          : { tag: "error" as const, value: `${file} is missing` };
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
  );
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// The wasm engine shares one instance per process and panics when two engines run at once
// (e.g. Vitest's SQLite and PostgreSQL global setups), so runs take turns.
const turns = globalThis as unknown as { retainSchemaEngineTurn?: Promise<unknown> };

function withEngine<T>(
  url: string,
  run: (engine: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<T>,
): Promise<T> {
  const turn = (turns.retainSchemaEngineTurn ?? Promise.resolve()).then(() => runEngine(url, run));
  turns.retainSchemaEngineTurn = turn.catch(() => {});
  return turn;
}

async function runEngine<T>(
  url: string,
  run: (engine: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<T>,
): Promise<T> {
  const provider = providerOf(url);
  const inner = provider === "postgresql" ? postgresMigrationAdapterFactory(url) : adapterFactoryFor(url);
  const { factory, disposeAll } = trackConnections(inner);
  const engine = await openSchemaEngine(factory, schemaPathFor(provider));
  try {
    return await run(engine);
  } finally {
    engine.free();
    // The engine takes SQLite's EXCLUSIVE lock and never closes its connection itself.
    await disposeAll();
  }
}

function trackConnections(inner: SqlMigrationAwareDriverAdapterFactory) {
  const open: SqlDriverAdapter[] = [];
  const remember = async (connecting: Promise<SqlDriverAdapter>) => {
    const adapter = await connecting;
    open.push(adapter);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => remember(inner.connect()),
    connectToShadowDb: () => remember(inner.connectToShadowDb()),
  };
  const disposeAll = () => Promise.all(open.splice(0).map((adapter) => adapter.dispose()));
  return { factory, disposeAll };
}

/** Applies pending migrations; a no-op when the database is current, so it is safe on every start. */
export async function applyMigrations(url: string): Promise<string[]> {
  const migrationsList = await readMigrationList(migrationsDirFor(providerOf(url)));
  const result = await withEngine(url, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return result.appliedMigrationNames;
}

/**
 * SQL that takes the database at `url` to the current schema; empty when nothing changed.
 * Diffing from the migration history would need a shadow database, which the wasm engine
 * cannot open here, so callers diff a scratch database that has the history applied.
 */
export async function pendingSchemaDiff(url: string): Promise<string> {
  const schemaPath = schemaPathFor(providerOf(url));
  const schema = await readFile(schemaPath, "utf8");
  const files = [{ path: schemaPath, content: schema }];
  const result = await withEngine(url, (engine) =>
    engine.diff({
      from: { tag: "schemaDatasource", files, configDir: ROOT },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  const sql = result.stdout ?? "";
  return /^\s*(--[^\n]*\n?\s*)*$/.test(sql) || sql.includes("This is an empty migration") ? "" : sql;
}

/** Writes `<migrations dir>/<timestamp>_<name>/migration.sql` from the schema diff. */
export async function createMigration(url: string, name: string, now: Date): Promise<string | null> {
  const sql = await pendingSchemaDiff(url);
  if (!sql) return null;
  const migrationsDir = migrationsDirFor(providerOf(url));
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) {
    await writeFile(
      lock,
      `# Written by npm run db:migration; keep it under version control.\nprovider = "${providerOf(url)}"\n`,
    );
  }
  return dir;
}

/** Drops every table, so the next migrate starts from nothing. */
export async function resetDatabase(url: string): Promise<void> {
  await withEngine(url, (engine) => engine.reset({ filter: NO_FILTERS }));
}
