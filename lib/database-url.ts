import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export const DEFAULT_DATABASE_URL = "file:./data/retain.db";
/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export type Provider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url}"`);
}

/** The SQLite file a `file:` URL names, resolved against the working directory. */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

export function adapterFactoryFor(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === "postgresql") return new PrismaPg({ connectionString: url });
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
}
