import "server-only";
import { sql } from "kysely";
import { isDatabaseBusy, isStorageUnavailable } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { query } from "@/lib/query";

export interface DatabaseHealth {
  ok: boolean;
  /** Whether a write went through: false on a full disk or a read-only database. */
  writable?: boolean;
  decks?: number;
  error?: string;
}

/**
 * A write that changes nothing but must reach the database's storage like a review does (through
 * the same client, lib/query): one row of Prisma's migrations table set to its own value. A full
 * disk or a read-only file or mount refuses it, where a read alone still answered "ok" (issue 13).
 */
// Prisma's own table is not in the generated types: the one statement written as SQL.
const WRITE_PROBE = sql`UPDATE "_prisma_migrations" SET "applied_steps_count" = "applied_steps_count"
  WHERE "id" = (SELECT "id" FROM "_prisma_migrations" ORDER BY "started_at" LIMIT 1)`;

/** Health of the database as the app sees it: reachable, migrated, loaded with content, writable. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  let decks: number;
  try {
    decks = await db.deck.count({ where: { retired: false, ownerId: null } });
  } catch (error) {
    console.error("[health] database check failed", error);
    return { ok: false, error: "The database is not reachable or not migrated." };
  }
  try {
    await WRITE_PROBE.execute(query());
  } catch (error) {
    console.error("[health] write probe failed", error);
    return {
      ok: false,
      writable: false,
      decks,
      error: isStorageUnavailable(error)
        ? "The database refuses writes: its storage is full or read-only."
        : isDatabaseBusy(error)
          ? "The database is busy: another process holds its write lock."
          : "The database refuses writes.",
    };
  }
  return { ok: true, writable: true, decks };
}
