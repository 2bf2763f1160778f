import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, createMigration } from "../../lib/migrations";
import { DEFAULT_POSTGRES_ADMIN_URL, withScratchDatabase } from "../../lib/query/postgres-admin";
import { runScript } from "../run-script";

// Diffs each provider's migration history against prisma/schema.prisma on a scratch database
// (a temporary SQLite file; a temporary PostgreSQL database), so writing a migration never
// touches a real one. Both histories get a migration of the same name.
const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- NAME   (lowercase letters, digits and underscores)");
  process.exit(2);
}
const report = (provider: string, dir: string | null) =>
  console.log(
    dir
      ? `${provider}: wrote ${path.relative(process.cwd(), dir)}/migration.sql`
      : `${provider}: the schema matches the migrations, nothing to write.`,
  );

runScript(async () => {
  const now = new Date();
  const scratch = path.join(os.tmpdir(), `retain-migration-${process.pid}.db`);
  try {
    await applyMigrations(`file:${scratch}`);
    report("SQLite", await createMigration(`file:${scratch}`, name, now));
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(scratch + suffix, { force: true });
  }
  const server = process.env.MIGRATION_POSTGRES_URL || DEFAULT_POSTGRES_ADMIN_URL;
  await withScratchDatabase(server, "retain_migration", async (url) => {
    await applyMigrations(url);
    report("PostgreSQL", await createMigration(url, name, now));
  });
});
