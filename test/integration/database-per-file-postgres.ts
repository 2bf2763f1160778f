import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase } from "@/lib/query/postgres-admin";

// Runs before the test file imports lib/db, so its clients open this file's own database.
const url = await createDatabase(
  process.env.TEST_POSTGRES_URL as string,
  "retain_test",
  inject("templatePostgres"),
);
process.env.DATABASE_URL = url;

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  const { closeQuery } = await import("@/lib/query");
  await closeQuery();
  await dropDatabase(url);
});
