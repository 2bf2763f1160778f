import { db } from "../lib/db";
import { authSecret } from "../lib/env";
import { JOBS, type JobName, runJob } from "../lib/jobs/notification-jobs";
import { mailConfig } from "../lib/mail/config";
import { closeTransports } from "../lib/mail/transport";
import { runScript } from "./run-script";

/**
 * `npm run notifications:run -- digest|trainers [--at 2026-12-07T08:05:00Z]`: one run of a
 * scheduled job now (or at a given moment), outside the app's scheduler. Safe alongside it:
 * every send is keyed per recipient and period, so nobody gets a notice twice.
 */
runScript(async () => {
  const [which] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const name = `notifications-${which}` as JobName;
  if (!(name in JOBS)) throw new Error("Usage: npm run notifications:run -- digest|trainers [--at ISO-time]");
  const atIndex = process.argv.indexOf("--at");
  const now = atIndex > 0 ? new Date(process.argv[atIndex + 1] ?? "") : new Date();
  if (Number.isNaN(now.getTime())) throw new Error("--at takes a time such as 2026-12-07T08:05:00Z");
  try {
    const report = await runJob(name, { db, config: mailConfig(), secret: authSecret() }, now);
    console.log(JSON.stringify(report));
  } finally {
    closeTransports();
    await db.$disconnect();
  }
});
