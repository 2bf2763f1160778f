import { providerOf } from "../../lib/database-url";
import { CopyError, copyDatabase } from "../../lib/db-copy";
import { runScript } from "../run-script";

// npm run db:copy -- --from file:./data/retain.db --to postgresql://user@host:5432/retain
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const from = option("--from");
const to = option("--to");
if (!from || !to) {
  console.error(
    "Usage: npm run db:copy -- --from file:./data/retain.db --to postgresql://USER@HOST:5432/DATABASE",
  );
  process.exit(2);
}
for (const url of [from, to]) {
  try {
    providerOf(url);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

runScript(async () => {
  try {
    const report = await copyDatabase(from, to);
    for (const [table, { target }] of Object.entries(report.counts))
      console.log(`${table.padEnd(18)} ${target} rows`);
    console.log(
      `Copied in ${Math.round(report.tookMs)} ms; row counts match, ${report.spotChecked} card states compared field by field.`,
    );
    console.log(
      "Stop the app on the old database before copying for real, then point DATABASE_URL at the new one.",
    );
  } catch (error) {
    if (!(error instanceof CopyError)) throw error;
    console.error(`Not copied: ${error.message}`);
    process.exit(1);
  }
});
