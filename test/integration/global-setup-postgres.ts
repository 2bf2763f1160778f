import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/migrations";
import { createDatabase, databaseName, dropDatabase } from "../../lib/query/postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    templatePostgres: string;
  }
}

/**
 * Migrates one PostgreSQL database per test run on the server TEST_POSTGRES_URL names; every test
 * file gets its own copy (CREATE DATABASE ... TEMPLATE), and all of them are dropped afterwards.
 */
export default async function setup(project: TestProject) {
  const server = process.env.TEST_POSTGRES_URL as string;
  const template = await createDatabase(server, "retain_test_template");
  await applyMigrations(template);
  project.provide("templatePostgres", databaseName(template));
  return () => dropDatabase(template);
}
