import { sql } from "kysely";
import { writeSyntheticHistory } from "../test/synthetic-history";
import { e2eDatabaseUrl, withDatabase } from "./server-database";

/**
 * Gives an e2e user a review history on the seeded content: a synthetic learner's answers on the
 * first `cards` cards (of one deck, if given; test/synthetic-history), written to the e2e
 * server's database.
 */
export async function seedReviewHistory(
  email: string,
  { cards, answersPerCard, deck }: { cards: number; answersPerCard: number; deck?: string },
) {
  return withDatabase(e2eDatabaseUrl(), async (db) => {
    const user = await db.selectFrom("User").select("id").where("email", "=", email).executeTakeFirst();
    if (!user) throw new Error(`No user ${email}`);
    // The shared decks' live cards in the order the app shows them (a card in two decks once).
    let cardsQuery = db
      .selectFrom("Card as c")
      .innerJoin("DeckCard as m", "m.cardId", "c.id")
      .innerJoin("Deck as d", "d.slug", "m.deckSlug")
      .select("c.id")
      .where("c.retired", "=", false)
      .where("d.ownerId", "is", null)
      .groupBy("c.id")
      .orderBy(sql`min(d.position)`)
      .orderBy(sql`min(m.position)`)
      .limit(cards);
    if (deck) cardsQuery = cardsQuery.where("d.slug", "=", deck);
    const ids = (await cardsQuery.execute()).map((row) => row.id);
    const written = await writeSyntheticHistory(db, user.id, ids, { answersPerCard, now: new Date() });
    return { ...written, cards: ids.length };
  });
}
