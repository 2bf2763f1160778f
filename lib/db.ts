import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { adapterFactoryFor, databaseUrl, providerOf } from "./database-url";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-pg/client";

/**
 * synchronous=FULL: a review the learner saw accepted survives a power loss, not only a
 * crash of the process (NORMAL can drop the last commits on power loss in WAL mode).
 * It costs little here: about 4k review transactions/s on this machine kind.
 */
const SQLITE_CONNECTION_PRAGMAS = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

function withSqlitePragmas(
  inner: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const prepare = async (connecting: Promise<SqlDriverAdapter>) => {
    const adapter = await connecting;
    await adapter.executeScript(SQLITE_CONNECTION_PRAGMAS);
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => prepare(inner.connect()),
    connectToShadowDb: () => prepare(inner.connectToShadowDb()),
  };
}

/**
 * One set of models, two generated clients (the query compiler is per provider). Their model
 * APIs are the same, so the rest of the app is typed against SQLite's.
 */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  const factory = adapterFactoryFor(url);
  if (providerOf(url) === "sqlite") return new PrismaClient({ adapter: withSqlitePragmas(factory) });
  return new PostgresPrismaClient({ adapter: factory }) as unknown as PrismaClient;
}

// One client per process; Next's dev server reloads modules, so it is kept on globalThis.
const cache = globalThis as unknown as { retainPrisma?: PrismaClient };
export const db: PrismaClient = cache.retainPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") cache.retainPrisma = db;
