import { createInterface } from "node:readline/promises";
import { databaseUrl } from "../../lib/database-url";
import { applyMigrations, resetDatabase } from "../../lib/migrations";
import { runScript } from "../run-script";

const url = databaseUrl();
if (process.env.NODE_ENV === "production") {
  console.error("db:reset is for development only and refuses to run with NODE_ENV=production.");
  process.exit(2);
}
runScript(async () => {
  if (!process.argv.includes("--force")) {
    if (!process.stdin.isTTY) {
      console.error(`db:reset would erase ${url}. Run it in a terminal to confirm, or pass --force.`);
      process.exit(2);
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Erase every table in ${url}? Type "reset" to confirm: `);
    rl.close();
    if (answer.trim() !== "reset") {
      console.log("Nothing changed.");
      process.exit(1);
    }
  }
  await resetDatabase(url);
  const applied = await applyMigrations(url);
  console.log(
    `Reset ${url} and applied ${applied.length} migration(s). Run npm run db:seed to load content.`,
  );
});
