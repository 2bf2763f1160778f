import "server-only";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { mailConfig } from "@/lib/mail/config";
import { type Scheduler, startInProcess, startPgBoss } from "./scheduler";

const state = globalThis as unknown as { retainJobs?: Promise<Scheduler | null> };

/**
 * Starts the scheduled jobs in this app process (instrumentation.ts), once per process.
 * JOBS_DISABLED=1 leaves them off (e.g. on instances that should only serve pages).
 */
export function startJobs(): Promise<Scheduler | null> {
  state.retainJobs ??= (async () => {
    const config = mailConfig();
    if (config.jobsDisabled) {
      console.log("Scheduled jobs are off (JOBS_DISABLED).");
      return null;
    }
    const deps = { db, config, secret: authSecret() };
    const url = databaseUrl();
    const scheduler = providerOf(url) === "postgresql" ? await startPgBoss(url, deps) : startInProcess(deps);
    console.log(
      `Scheduled jobs started (${providerOf(url) === "postgresql" ? "pg-boss" : "in-process"}); mail ${config.smtpUrl ? "goes through SMTP" : "is kept in the in-app outbox (no SMTP_URL)"}.`,
    );
    return scheduler;
  })().catch((error) => {
    console.error("Scheduled jobs did not start:", error);
    return null;
  });
  return state.retainJobs;
}
