import { mkdirSync } from "node:fs";
import path from "node:path";
import { backupDatabase } from "../../lib/backup";
import { databaseUrl } from "../../lib/database-url";
import { runScript } from "../run-script";

/** `retain-YYYYMMDD-HHMMSS.db` in UTC, so names sort by time on any server. */
function defaultBackupFile(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join("data", "backups", `retain-${stamp}.db`);
}

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

// Safe while the app is serving: the online backup copies a consistent snapshot.
runScript(async () => {
  const to = process.argv.indexOf("--to");
  const given = to === -1 ? undefined : process.argv[to + 1];
  if (to !== -1 && !given) throw new Error("Usage: npm run db:backup [-- --to FILE]");
  const file = given ?? defaultBackupFile(new Date());
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const result = await backupDatabase(databaseUrl(), file);
  console.log(
    `Backed up to ${result.file} (${sizeOf(result.bytes)}, ${result.pages} pages, ${Math.round(result.tookMs)} ms); integrity check ok.`,
  );
});
