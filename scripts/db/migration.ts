import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, createMigration } from "../../lib/migrations";
import { runScript } from "../run-script";

// Diffs the migration history against prisma/schema.prisma on a scratch database,
// so writing a migration never touches the real one.
const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- NAME   (lowercase letters, digits and underscores)");
  process.exit(2);
}
const scratch = path.join(os.tmpdir(), `retain-migration-${process.pid}.db`);
runScript(async () => {
  try {
    const url = `file:${scratch}`;
    await applyMigrations(url);
    const dir = await createMigration(url, name, new Date());
    console.log(
      dir
        ? `Wrote ${path.relative(process.cwd(), dir)}/migration.sql`
        : "The schema matches the migrations: nothing to write.",
    );
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(scratch + suffix, { force: true });
  }
});
