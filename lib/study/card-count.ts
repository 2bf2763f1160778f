/**
 * One definition of how many cards a deck has, shown the same on the dashboard, the deck list and
 * the deck page: the cards the learner is asked, so a "reversed" card counts twice (front to
 * back, and back to front, each with a schedule of its own). What "started" and "new today"
 * count is the same unit.
 */
export function studyCardCount(cards: readonly { kind: string }[]): number {
  return cards.reduce((total, card) => total + (card.kind === "reversed" ? 2 : 1), 0);
}

/** "24 cards (3 also asked back to front)", or "21 cards" for a deck without reversed cards. */
export function cardCountText(cardCount: number, reversedCount: number): string {
  const cards = `${cardCount} ${cardCount === 1 ? "card" : "cards"}`;
  return reversedCount > 0 ? `${cards} (${reversedCount} also asked back to front)` : cards;
}
