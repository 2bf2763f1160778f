// `prisma generate` needs no schema engine, but the CLI insists on finding one and would
// download it. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies it.
// Two clients come out of the one set of models: SQLite's and PostgreSQL's (the query
// compiler is per provider).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { POSTGRES_SCHEMA, writePostgresSchema } from "./provider-schema.mjs";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
writePostgresSchema(process.cwd());
for (const schema of ["prisma/schema.prisma", POSTGRES_SCHEMA]) {
  const result = spawnSync("npx", ["prisma", "generate", "--schema", schema], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
