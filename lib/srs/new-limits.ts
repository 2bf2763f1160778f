/**
 * Daily new-card limits, as Anki's v3 scheduler has them: every deck has its own limit, counted
 * by the new cards introduced in that deck today, so finishing one deck's new cards leaves the
 * others theirs. Studying all decks together is capped by the all-decks limit too (counted
 * across decks), and takes new cards from each deck in turn.
 */

export interface NewCardLimits {
  /** New cards a day in each deck. */
  newPerDay: number;
  /** New cards a day when studying all decks together. */
  newPerDayTotal: number;
  /** Decks whose preset sets their own limit (lib/srs/deck-options deckLimits), by slug. */
  perDeck?: Readonly<Record<string, number>>;
}

export interface NewIntroducedToday {
  /** New cards introduced today in all decks. */
  total: number;
  /** The same per deck slug. */
  byDeck: Readonly<Record<string, number>>;
}

/** New cards one deck may still introduce today when studied on its own. */
export function deckNewAllowance(limits: NewCardLimits, today: NewIntroducedToday, deck: string): number {
  return Math.max(0, (limits.perDeck?.[deck] ?? limits.newPerDay) - (today.byDeck[deck] ?? 0));
}

/** New cards a session over all decks may still introduce today, before each deck's own limit. */
export function totalNewAllowance(limits: NewCardLimits, today: NewIntroducedToday): number {
  return Math.max(0, limits.newPerDayTotal - today.total);
}

/**
 * The new cards of a session over all decks: one from each deck in turn (decks in their order),
 * each deck's list already cut to its own allowance, until `total` are taken.
 */
export function takeInTurn<T>(perDeck: readonly (readonly T[])[], total: number): T[] {
  const taken: T[] = [];
  for (let round = 0; taken.length < total; round++) {
    let any = false;
    for (const cards of perDeck) {
      const card = cards[round];
      if (card === undefined) continue;
      any = true;
      taken.push(card);
      if (taken.length >= total) break;
    }
    if (!any) break;
  }
  return taken;
}
