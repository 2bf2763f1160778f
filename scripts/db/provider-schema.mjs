// One set of models (prisma/schema.prisma, SQLite) and a derived copy for PostgreSQL: the same
// models with another datasource provider and client output. Written by `npm run db:generate`
// (postinstall) and by the migration tools, never edited by hand.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

/** @param {string} sqliteSchema */
export function postgresSchemaText(sqliteSchema) {
  const out = sqliteSchema
    // Kysely's types come from the SQLite schema alone (one set for both databases).
    .replace(/\/\/ Kysely's table types[\s\S]*?\ngenerator kysely \{[\s\S]*?\n\}\n\n/, "")
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "../lib/generated/prisma"', 'output       = "../../lib/generated/prisma-pg"');
  if (out === sqliteSchema || !out.includes("prisma-pg")) {
    throw new Error(
      "prisma/schema.prisma: could not derive the PostgreSQL schema (provider or output line changed?)",
    );
  }
  return `// Generated from prisma/schema.prisma by scripts/db/provider-schema.mjs; do not edit.\n${out}`;
}

/** @param {string} root */
export function writePostgresSchema(root) {
  const text = postgresSchemaText(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));
  const file = path.join(root, POSTGRES_SCHEMA);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
