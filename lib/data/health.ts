import "server-only";
import { db } from "@/lib/db";

/** Health of the database as the app sees it: reachable, migrated and loaded with content. */
export async function checkDatabase(): Promise<{ ok: boolean; decks?: number; error?: string }> {
  try {
    const decks = await db.deck.count({ where: { retired: false, ownerId: null } });
    return { ok: true, decks };
  } catch (error) {
    console.error("[health] database check failed", error);
    return { ok: false, error: "The database is not reachable or not migrated." };
  }
}
