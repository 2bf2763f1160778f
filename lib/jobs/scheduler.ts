import "server-only";
import PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailConfig } from "@/lib/mail/config";
import { JOBS, type JobName, runJob } from "./notification-jobs";

export interface JobDeps {
  db: PrismaClient;
  config: MailConfig;
  secret: string;
  /** The clock jobs run at (tests fix it). */
  now?: () => Date;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * PostgreSQL, any number of instances: pg-boss. Each instance registers the crons and a worker;
 * pg-boss creates one job per cron tick across all of them (its schedule table and a lock) and
 * hands each job to one worker. A "stately" queue holds at most one waiting and one running job.
 * A job that throws or whose worker dies (it expires) is retried with backoff; the retry resends
 * nothing already sent, because every send is keyed per recipient and period in the database.
 */
export async function startPgBoss(
  connectionString: string,
  deps: JobDeps,
  pollingIntervalSeconds = 2,
): Promise<Scheduler & { boss: PgBoss }> {
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 4, application_name: "retain-jobs" });
  boss.on("error", (error) => console.error("Job queue error:", error));
  await boss.start();
  for (const name of Object.keys(JOBS) as JobName[]) {
    await retryOnRace(async () => {
      if (await boss.getQueue(name)) return;
      await boss.createQueue(name, {
        name,
        policy: "stately",
        retryLimit: 5,
        retryDelay: 30,
        retryBackoff: true,
        expireInSeconds: 15 * 60,
      });
    });
    await retryOnRace(() => boss.schedule(name, JOBS[name].cron));
    await boss.work(name, { pollingIntervalSeconds }, async () => {
      await runJob(name, deps, deps.now?.() ?? new Date());
    });
  }
  return { boss, stop: () => boss.stop({ graceful: true, wait: true }) };
}

/**
 * Instances starting together race to create the same queue and schedule: PostgreSQL answers one
 * of them with a deadlock (40P01) or a duplicate key (23505), seen when two started at once.
 * Trying again after a short random pause finds the other's queue in place.
 */
async function retryOnRace(step: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await step();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== "40P01" && code !== "23505")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * SQLite: one machine, one app process (`npm start` runs a single Next.js server; SQLite allows one
 * writer anyway), so a timer in that process is the whole scheduler: nobody else can run the job.
 * The same unique keys still make each send once, so a second process by mistake would double
 * nothing. A failed run is retried at the next tick (a minute later); overlapping runs are skipped.
 */
export function startInProcess(deps: JobDeps, tickMs = 60_000): Scheduler {
  const running = new Set<JobName>();
  const lastSlot = new Map<JobName, string>();
  const tick = async () => {
    const now = deps.now?.() ?? new Date();
    for (const name of Object.keys(JOBS) as JobName[]) {
      const slot = cronSlot(JOBS[name].cron, now);
      if (slot === null || lastSlot.get(name) === slot || running.has(name)) continue;
      running.add(name);
      try {
        await runJob(name, deps, now);
        lastSlot.set(name, slot);
      } catch (error) {
        console.error(`Job ${name} failed (retried at the next tick, a minute later):`, error);
      } finally {
        running.delete(name);
      }
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
    },
  };
}

/**
 * The slot `now` falls in for the two cron shapes used in JOBS ("*\/N * * * *" and "M * * * *"),
 * or null when none starts in this minute or after it in the same period: a missed minute is
 * caught up within its period.
 */
export function cronSlot(cron: string, now: Date): string | null {
  const hour = now.toISOString().slice(0, 13);
  const minute = now.getUTCMinutes();
  const every = /^\*\/(\d+) \* \* \* \*$/.exec(cron);
  if (every) {
    const step = Number(every[1]);
    return `${hour}:${Math.floor(minute / step) * step}`;
  }
  const at = /^(\d+) \* \* \* \*$/.exec(cron);
  if (at) return minute >= Number(at[1]) ? `${hour}:${at[1]}` : null;
  throw new Error(`Unsupported cron ${cron}`);
}
