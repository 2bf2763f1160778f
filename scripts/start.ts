import { spawn } from "node:child_process";
import path from "node:path";
import { databaseUrl, providerOf } from "../lib/database-url";
import { seedDatabase } from "../lib/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo";
import { demoAccountsPolicy } from "../lib/seed/demo-policy";
import { openSqlite } from "../lib/sqlite-connection";
import { ensureAuthSecret, ensureServerActionsKey } from "./auth-secret";
import { buildIfNeeded } from "./build-if-needed";
import { runScript } from "./run-script";

/**
 * `npm start` (and `npm run dev` with --dev): everything a fresh clone needs, in order:
 * a session secret, the database migrated and seeded (demo accounts: see demoAccountsPolicy),
 * a production build when the sources changed, then the server.
 */
runScript(async () => {
  const dev = process.argv.includes("--dev");
  const port = process.env.PORT ?? "3000";
  const { demo: withDemo, note } = demoAccountsPolicy(process.env);
  ensureAuthSecret();
  ensureServerActionsKey();
  await seedDatabase({ demo: withDemo });
  if (!dev) await buildIfNeeded();
  // Holds the SQLite file open (a WAL connection's shared lock) while the server runs, even before
  // its first request, so `npm run db:restore` sees the app is running and refuses.
  const url = databaseUrl();
  const hold = providerOf(url) === "sqlite" ? openSqlite(url) : undefined;

  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [next, dev ? "dev" : "start", "--port", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`\nRetain is starting on http://localhost:${port}`);
  console.log(note);
  if (withDemo) {
    console.log(`Demo accounts (password for each: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email}`);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => {
    hold?.close();
    process.exit(code ?? 0);
  });
});
