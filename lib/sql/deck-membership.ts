/**
 * "The cards of a deck" in raw SQL: every read goes through DeckCard, which lists a card in its
 * own deck and in every deck that includes it (prisma/schema.prisma). Card.deckSlug is only the
 * card's home deck; reading a deck's cards through it would leave out the included ones.
 * One schedule per card (CardState is keyed by card id), so a card in two decks is one card.
 */

/**
 * True when `card` (a card id column) belongs to a deck matching `deck`, a condition on
 * `dc.deckSlug`: `cardInDeck("c.id", "dc.deckSlug = ?")`. An EXISTS never repeats the outer
 * row, so a card included in two of the decks still counts once.
 */
export const cardInDeck = (card: string, deck: string) =>
  `EXISTS (SELECT 1 FROM "DeckCard" dc WHERE dc.cardId = ${card} AND ${deck})`;

/**
 * Joins each card `card` to its memberships as `m` (m.deckSlug, m.position): one row per deck
 * the card is in, for per-deck lists and counts.
 */
export const joinMemberships = (card: string) => `JOIN "DeckCard" m ON m.cardId = ${card}`;
