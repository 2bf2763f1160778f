import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/migrations";
import { configureSqlite } from "@/lib/sqlite-pragmas";

/** A fresh, migrated SQLite file in a temporary folder. */
export async function freshDatabase(name: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `retain-bench-${name}-`));
  const url = `file:${path.join(dir, "bench.db")}`;
  configureSqlite(url);
  await applyMigrations(url);
  return url;
}
