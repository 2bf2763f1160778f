import { spawn } from "node:child_process";
import path from "node:path";
import { seedDatabase } from "../lib/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo";
import { ensureAuthSecret, ensureServerActionsKey } from "./auth-secret";
import { buildIfNeeded } from "./build-if-needed";
import { runScript } from "./run-script";

/**
 * `npm start` (and `npm run dev` with --dev): everything a fresh clone needs, in order:
 * a session secret, the database migrated and seeded (demo accounts unless SEED_DEMO=0),
 * a production build when the sources changed, then the server.
 */
runScript(async () => {
  const dev = process.argv.includes("--dev");
  const port = process.env.PORT ?? "3000";
  const withDemo = process.env.SEED_DEMO !== "0";
  ensureAuthSecret();
  ensureServerActionsKey();
  await seedDatabase({ demo: withDemo });
  if (!dev) await buildIfNeeded();

  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [next, dev ? "dev" : "start", "--port", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`\nRetain is starting on http://localhost:${port}`);
  if (withDemo) {
    console.log(`Demo accounts (password for each: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email}`);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
});
