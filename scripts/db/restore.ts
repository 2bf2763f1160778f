import { createInterface } from "node:readline/promises";
import { restoreDatabase } from "../../lib/backup";
import { databaseUrl } from "../../lib/database-url";
import { runScript } from "../run-script";

const url = databaseUrl();
const force = process.argv.includes("--force");
const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- FILE [--force]   (stop the app first)");
  process.exit(2);
}
if (process.env.NODE_ENV === "production" && !force) {
  console.error("db:restore replaces the production database: stop the app and pass --force.");
  process.exit(2);
}
runScript(async () => {
  if (!force) {
    if (!process.stdin.isTTY) {
      console.error(`db:restore would replace ${url}. Run it in a terminal to confirm, or pass --force.`);
      process.exit(2);
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(
      `Replace ${url} with ${file}? The app must be stopped. Type "restore" to confirm: `,
    );
    rl.close();
    if (answer.trim() !== "restore") {
      console.log("Nothing changed.");
      process.exit(1);
    }
  }
  const restored = restoreDatabase(file, url);
  console.log(`Restored ${restored.file} from ${file} (${restored.bytes} bytes). Start the app again.`);
});
