import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { visibleDeckWhere } from "./deck-access";

export const TYPED_QUIZ_CARDS = 10;

/**
 * A typed-answer quiz's cards: `count` of the deck's live cards the learner can study (not
 * suspended), those already learned first, drawn with `random` (0–1, a parameter for tests).
 */
export async function typedQuizCards(
  userId: string,
  deckSlug: string,
  random: () => number,
  count = TYPED_QUIZ_CARDS,
) {
  const deck = await db.deck.findFirst({
    where: { slug: deckSlug, retired: false, ...(await visibleDeckWhere(userId)) },
    select: { slug: true },
  });
  if (!deck) throw new NotFoundError("This deck does not exist.");
  const members = await db.deckCard.findMany({
    where: { deckSlug, card: { retired: false, states: { none: { userId, suspended: true } } } },
    select: { cardId: true, card: { select: { states: { where: { userId }, select: { state: true } } } } },
  });
  const shuffle = <T>(items: T[]) =>
    items
      .map((item) => ({ item, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);
  const learned = members.filter((m) => m.card.states.some((s) => s.state !== "new")).map((m) => m.cardId);
  const fresh = members.filter((m) => !m.card.states.some((s) => s.state !== "new")).map((m) => m.cardId);
  return [...shuffle(learned), ...shuffle(fresh)].slice(0, count);
}
