import { type Expression, expressionBuilder, type SqlBool, sql } from "kysely";
import type { DB } from "./index";

/**
 * "The cards of a deck": every read goes through DeckCard, which lists a card in its own deck and
 * in every deck that includes it (prisma/schema.prisma). Card.deckSlug is only the card's home
 * deck; reading a deck's cards through it would leave out the included ones. One schedule per
 * card (CardState is keyed by card id), so a card in two decks is one card. Per-deck lists join
 * DeckCard directly (`.innerJoin("DeckCard as m", "m.cardId", "c.id")`, ordered by m.position).
 */

/**
 * True when the card id column `card` belongs to `deck`: a slug (bound), or a column such as
 * `sql.ref("a.deckSlug")`: `.where(cardInDeck("c.id", slug))`. An EXISTS never repeats the outer
 * row, so a card included in two decks still counts once.
 */
export function cardInDeck(card: string, deck: string | Expression<string>): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb.exists(
    eb
      .selectFrom("DeckCard as dc")
      .select(sql.lit(1).as("one"))
      .where("dc.cardId", "=", sql.ref<string>(card))
      .where("dc.deckSlug", "=", deck),
  );
}

/** True when the card id column `card` belongs to any of `decks` (none: false). */
export function cardInDecks(card: string, decks: readonly string[]): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  if (decks.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.exists(
    eb
      .selectFrom("DeckCard as dc")
      .select(sql.lit(1).as("one"))
      .where("dc.cardId", "=", sql.ref<string>(card))
      .where("dc.deckSlug", "in", decks),
  );
}
