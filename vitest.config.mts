import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL("./", import.meta.url)),
  // `server-only` throws outside a React Server bundle; tests run the data layer directly.
  "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
};

// The PostgreSQL suite runs the same integration files against the server TEST_POSTGRES_URL names
// (a database per run and per file, dropped afterwards). `.ci/run` sets it.
const postgresUrl = process.env.TEST_POSTGRES_URL?.trim();
if (!postgresUrl) {
  console.log(
    "PostgreSQL integration suite skipped: set TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to run it.",
  );
}
const postgresProject = {
  resolve: { alias },
  test: {
    name: "integration-postgres",
    include: ["test/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/integration/global-setup-postgres.ts"],
    setupFiles: ["test/integration/database-per-file-postgres.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
};

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          // One migrated template database per run; each test file gets its own copy.
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/integration/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgresUrl ? [postgresProject] : []),
    ],
  },
});
