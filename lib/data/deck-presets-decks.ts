import "server-only";
import { db } from "@/lib/db";
import { visibleDeckWhere } from "./deck-access";

/** The decks the learner can study, for the deck options page. */
export async function visibleDecks(userId: string): Promise<{ slug: string; title: string }[]> {
  return db.deck.findMany({
    where: { retired: false, ...(await visibleDeckWhere(userId)) },
    select: { slug: true, title: true },
    orderBy: { position: "asc" },
  });
}
