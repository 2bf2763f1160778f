import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable, NO_BROWSER_MESSAGE } from "./e2e/browser";
import { freePort } from "./e2e/free-port";

const executablePath = chromiumExecutable();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);

// Chosen once in the runner process; workers inherit it through the environment.
process.env.E2E_PORT ??= String(freePort());
process.env.E2E_DATABASE ??= path.join(os.tmpdir(), `retain-e2e-${process.env.E2E_PORT}-${Date.now()}.db`);
// The server's database; fixtures that seed or read it (e2e/server-database.ts) use the same URL.
process.env.E2E_DATABASE_URL ??= `file:${process.env.E2E_DATABASE}`;
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production server, on its own port and its own fresh database.
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: process.env.E2E_PORT,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      SEED_DEMO: "0",
      // Every spec signs up fresh users from 127.0.0.1; e2e/accounts.spec.ts tests the limit on a server of its own.
      SIGN_UP_LIMIT: "100000",
      AUTH_SECRET: "e2e-secret-that-is-long-enough-for-jwt-signing",
      NEXTAUTH_URL: baseURL,
    },
  },
});
