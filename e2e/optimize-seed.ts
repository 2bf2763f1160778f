import { createSqlClient } from "../lib/sql/client";
import { writeSyntheticHistory } from "../test/synthetic-history";

/**
 * Gives an e2e user a review history on the seeded content: a synthetic learner's answers on the
 * first `cards` cards (of one deck, if given; test/synthetic-history), written to the e2e
 * server's database.
 */
export async function seedReviewHistory(
  email: string,
  { cards, answersPerCard, deck }: { cards: number; answersPerCard: number; deck?: string },
) {
  const file = process.env.E2E_DATABASE;
  if (!file) throw new Error("E2E_DATABASE is not set (playwright.config.ts sets it)");
  const { client, close } = createSqlClient(`file:${file}`);
  try {
    const user = await client.get<{ id: string }>('SELECT id FROM "User" WHERE email = ?', [email]);
    if (!user) throw new Error(`No user ${email}`);
    const rows = await client.all<{ id: string }>(
      `SELECT c.id FROM "Card" c JOIN "DeckCard" m ON m.cardId = c.id JOIN "Deck" d ON d.slug = m.deckSlug
       WHERE c.retired = 0 AND d.ownerId IS NULL AND (? IS NULL OR d.slug = ?)
       GROUP BY c.id ORDER BY MIN(d.position), MIN(m.position) LIMIT ?`,
      [deck ?? null, deck ?? null, cards],
    );
    const ids = rows.map((row) => row.id);
    const written = await writeSyntheticHistory(client, user.id, ids, { answersPerCard, now: new Date() });
    return { ...written, cards: ids.length };
  } finally {
    await close();
  }
}
