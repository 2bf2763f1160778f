import "server-only";
import { query } from "@/lib/query";

/**
 * The user's current session version, or null when the account is gone. Asked on every
 * authenticated request, so it takes the query builder's path (microseconds on SQLite, not Prisma's ~0.3 ms).
 */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const row = await query()
    .selectFrom("User")
    .select("sessionVersion")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row ? Number(row.sessionVersion) : null;
}
