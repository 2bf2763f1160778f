import { type Database, openQuery } from "../lib/query";

/**
 * The e2e fixtures' way into a test server's database: the query builder (lib/query) on a
 * connection of its own, so a fixture works on SQLite or PostgreSQL alike. On SQLite its writes
 * take the lock with BEGIN IMMEDIATE, retried without blocking, as the server's do.
 * Relative imports: the Playwright runner loads these files without Next's react-server condition.
 */

/** The shared e2e server's database URL (playwright.config.ts chooses it and hands it to `npm start`). */
export function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (playwright.config.ts sets it)");
  return url;
}

/** Runs `work` on a connection of its own to `url`, closed when it ends. */
export async function withDatabase<T>(url: string, work: (db: Database) => Promise<T>): Promise<T> {
  const { db, close } = openQuery(url);
  try {
    return await work(db);
  } finally {
    await close();
  }
}

/** The time zone a user's study days and notices follow (the schema's default without settings). */
export function timeZoneOf(url: string, email: string): Promise<string> {
  return withDatabase(url, async (db) => {
    const row = await db
      .selectFrom("User as u")
      .leftJoin("StudySettings as s", "s.userId", "u.id")
      .select("s.timeZone")
      .where("u.email", "=", email)
      .executeTakeFirst();
    if (!row) throw new Error(`No user ${email}`);
    return row.timeZone ?? "UTC";
  });
}
