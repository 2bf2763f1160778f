import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/migrations";
import { configureSqlite } from "../../lib/sqlite-pragmas";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one SQLite file per test run; every test file copies it (see database-per-file.ts). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "retain-test-"));
  const template = path.join(dir, "template.db");
  await applyMigrations(`file:${template}`);
  configureSqlite(`file:${template}`);
  project.provide("templateDatabase", template);
  return () => rmSync(dir, { recursive: true, force: true });
}
