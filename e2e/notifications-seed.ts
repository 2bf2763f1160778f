import { execFileSync } from "node:child_process";
import { seedReviewHistory } from "./optimize-seed";
import { e2eDatabaseUrl, withDatabase } from "./server-database";

/** Gives an e2e learner `cards` studied cards that are all due now, in the e2e server's database. */
export async function seedDueCards(email: string, cards: number): Promise<void> {
  await seedReviewHistory(email, { cards, answersPerCard: 2 });
  // One short write (BEGIN IMMEDIATE, as the server's own): the server is running on the same database.
  const moved = await withDatabase(e2eDatabaseUrl(), (db) =>
    db
      .updateTable("CardState")
      .set({ due: new Date("2020-01-01T00:00:00.000Z") })
      .where("userId", "=", (eb) => eb.selectFrom("User").select("id").where("email", "=", email))
      .where("state", "<>", "new")
      .executeTakeFirst(),
  );
  if (Number(moved.numUpdatedRows) !== cards)
    throw new Error(`Made ${moved.numUpdatedRows} of ${cards} studied cards due for ${email}`);
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
      DATABASE_URL: e2eDatabaseUrl(),
      AUTH_SECRET: "e2e-secret-that-is-long-enough-for-jwt-signing",
      NEXTAUTH_URL: baseURL,
      SMTP_URL: "",
    },
  });
}
