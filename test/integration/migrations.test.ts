import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, pendingSchemaDiff } from "@/lib/migrations";
import { withScratchDatabase } from "@/lib/query/postgres-admin";

// Each provider's migration history, applied to an empty database, must describe exactly the
// models in prisma/schema.prisma: the diff from the migrated database to the schema is empty.
describe("migration histories", () => {
  it("SQLite: applying prisma/migrations gives the schema", async () => {
    const file = path.join(os.tmpdir(), `retain-migrations-check-${process.pid}-${Date.now()}.db`);
    try {
      await applyMigrations(`file:${file}`);
      expect(await pendingSchemaDiff(`file:${file}`)).toBe("");
    } finally {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    }
  });

  const server = process.env.TEST_POSTGRES_URL;
  it.runIf(server)("PostgreSQL: applying prisma/postgresql/migrations gives the schema", async () => {
    await withScratchDatabase(server as string, "retain_migrations_check", async (url) => {
      await applyMigrations(url);
      expect(await pendingSchemaDiff(url)).toBe("");
    });
  });
});
