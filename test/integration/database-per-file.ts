import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Runs before the test file imports lib/db, so its client opens this file's own database.
const template = inject("templateDatabase");
const file = path.join(path.dirname(template), `file-${process.pid}-${Date.now()}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});
