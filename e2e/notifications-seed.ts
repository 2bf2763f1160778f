import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { seedReviewHistory } from "./optimize-seed";

/** Gives an e2e learner `cards` studied cards that are all due now, in the e2e server's database. */
export async function seedDueCards(email: string, cards: number): Promise<void> {
  await seedReviewHistory(email, { cards, answersPerCard: 2 });
  const file = process.env.E2E_DATABASE as string;
  const sqlite = new Database(file, { timeout: 5000 });
  try {
    sqlite
      .prepare(
        `UPDATE "CardState" SET due = '2020-01-01T00:00:00.000+00:00'
         WHERE userId = (SELECT id FROM "User" WHERE email = ?) AND state <> 'new'`,
      )
      .run(email);
  } finally {
    sqlite.close();
  }
}

/** The hour (0–23) `date` shows in `timeZone`. */
export function hourIn(timeZone: string, date: Date): number {
  return (
    Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(date)) %
    24
  );
}

/** The last moment, within the past day, whose hour in `timeZone` is `hour` (and 5 minutes past it). */
export function lastLocalHour(timeZone: string, hour: number, now = new Date()): Date {
  const start = new Date(now);
  start.setUTCMinutes(5, 0, 0);
  for (let back = 0; back < 26; back++) {
    const candidate = new Date(start.getTime() - back * 3_600_000);
    if (hourIn(timeZone, candidate) === hour) return candidate;
  }
  throw new Error(`No hour ${hour} in ${timeZone} within a day`);
}

/** One run of the digest job against the e2e server's database, as the scheduler would run it. */
export function runDigestJob(at: Date, baseURL: string): string {
  return execFileSync("npm", ["run", "-s", "notifications:run", "--", "digest", "--at", at.toISOString()], {
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: `file:${process.env.E2E_DATABASE}`,
      AUTH_SECRET: "e2e-secret-that-is-long-enough-for-jwt-signing",
      NEXTAUTH_URL: baseURL,
      SMTP_URL: "",
    },
  });
}

export function timeZoneOf(email: string): string {
  const sqlite = new Database(process.env.E2E_DATABASE as string, { readonly: true, timeout: 5000 });
  try {
    const row = sqlite
      .prepare(`SELECT s.timeZone FROM "StudySettings" s JOIN "User" u ON u.id = s.userId WHERE u.email = ?`)
      .get(email) as { timeZone: string } | undefined;
    return row?.timeZone ?? "UTC";
  } finally {
    sqlite.close();
  }
}
