import "server-only";
import { db } from "@/lib/db";

export interface DeckSummary {
  slug: string;
  title: string;
  description: string;
  cardCount: number;
  quizCount: number;
}

export async function listDecks(): Promise<DeckSummary[]> {
  const decks = await db.deck.findMany({
    where: { retired: false },
    orderBy: { position: "asc" },
    select: {
      slug: true,
      title: true,
      description: true,
      _count: { select: { cards: { where: { retired: false } }, quizItems: { where: { retired: false } } } },
    },
  });
  return decks.map(({ _count, ...deck }) => ({
    ...deck,
    cardCount: _count.cards,
    quizCount: _count.quizItems,
  }));
}
