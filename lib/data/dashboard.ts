import "server-only";
import { query } from "@/lib/query";
import { isStudyable, studyable } from "@/lib/query/card-marks";
import { buildQueue, deckNewAllowance, studyDayStart, totalNewAllowance } from "@/lib/srs";
import { visibleDeck } from "./deck-access";
import { deckOptionsByDeck } from "./deck-presets";
import { loadLearnerSettings } from "./schedule-rows";
import { type DeckSchedule, introducedSchedules, predictedRecallByDeck } from "./stats";
import { answeredToday, reviewCeiling, withDeckNewLimits } from "./study";

export interface DeckProgress {
  slug: string;
  title: string;
  description: string;
  /** The deck's cards less those the learner suspended. */
  cardCount: number;
  quizCount: number;
  /** Cards the learner has answered at least once (and not undone back to new), suspended ones left out. */
  introduced: number;
  /** (Re)learning cards due now plus reviews due today, within today's review limit. */
  due: number;
  /** New cards studying this deck would offer today, within the deck's own new-card limit. */
  newAvailable: number;
  predictedRecall: number | null;
}

export interface DashboardProgress {
  decks: DeckProgress[];
  /** What studying all decks would queue now: due cards and new cards. */
  totalDue: number;
  totalNew: number;
}

interface DeckRow {
  slug: string;
  title: string;
  description: string;
  cardCount: number | null;
  quizCount: number | null;
  /** The learner's suspended cards: out of the deck's count and progress. */
  suspended: number | null;
  /** Never-seen cards buried until a later study day: not new cards to offer today. */
  buriedNew: number | null;
}

/**
 * Per-deck progress in a constant number of queries (settings, today's answers, deck counts,
 * introduced schedules). Due counts come from lib/srs buildQueue itself, so they are exactly
 * what lib/data/study.ts queues for the same deck.
 */
export async function getDeckProgress(userId: string, now: Date): Promise<DashboardProgress> {
  const db = query();
  const settings = await loadLearnerSettings(db, userId);
  // The same "done today" counts lib/data/study.ts feeds to buildQueue.
  const today = await answeredToday(
    db,
    userId,
    studyDayStart(now, settings.timeZone, settings.dayRolloverHour),
  );

  const deckRows: DeckRow[] = await db
    .selectFrom("Deck as d")
    .select(["d.slug", "d.title", "d.description"])
    .select((eb) => [
      // A deck's cards are its DeckCard rows: its own and the ones it includes.
      eb
        .selectFrom("Card as c")
        .innerJoin("DeckCard as m", "m.cardId", "c.id")
        .select((count) => count.fn.countAll<number>().as("n"))
        .whereRef("m.deckSlug", "=", "d.slug")
        .where("c.retired", "=", false)
        .as("cardCount"),
      eb
        .selectFrom("QuizItem as q")
        .select((count) => count.fn.countAll<number>().as("n"))
        .whereRef("q.deckSlug", "=", "d.slug")
        .where("q.retired", "=", false)
        .as("quizCount"),
      eb
        .selectFrom("CardState as s")
        .innerJoin("Card as c", "c.id", "s.cardId")
        .innerJoin("DeckCard as m", "m.cardId", "c.id")
        .select((count) => count.fn.countAll<number>().as("n"))
        .whereRef("m.deckSlug", "=", "d.slug")
        .where("c.retired", "=", false)
        .where("s.userId", "=", userId)
        .where("s.suspended", "=", true)
        .as("suspended"),
      eb
        .selectFrom("CardState as s")
        .innerJoin("Card as c", "c.id", "s.cardId")
        .innerJoin("DeckCard as m", "m.cardId", "c.id")
        .select((count) => count.fn.countAll<number>().as("n"))
        .whereRef("m.deckSlug", "=", "d.slug")
        .where("c.retired", "=", false)
        .where("s.userId", "=", userId)
        .where("s.state", "=", "new")
        .where("s.suspended", "=", false)
        .where((not) => not.not(studyable("s", now)))
        .as("buriedNew"),
    ])
    .where("d.retired", "=", false)
    .where(visibleDeck("d", userId))
    .orderBy("d.position")
    .execute();

  // Never-seen cards studying all decks could offer: a card in several decks is one card.
  const unseen = await db
    .selectFrom("Card as c")
    .innerJoin("DeckCard as m", "m.cardId", "c.id")
    .innerJoin("Deck as d", "d.slug", "m.deckSlug")
    .leftJoin("CardState as s", (join) => join.onRef("s.cardId", "=", "c.id").on("s.userId", "=", userId))
    .select((eb) => eb.fn.count<number>("c.id").distinct().as("n"))
    .where("c.retired", "=", false)
    .where("d.retired", "=", false)
    .where(visibleDeck("d", userId))
    .where((eb) => eb.or([eb("s.state", "is", null), eb("s.state", "=", "new")]))
    .where(studyable("s", now))
    .executeTakeFirst();
  // Suspended cards are out of the learner's progress altogether; buried ones only out of today's counts.
  const schedules = (await introducedSchedules(userId)).filter((entry) => !entry.suspended);
  const recall = predictedRecallByDeck(schedules, now, settings);
  const byDeck = new Map<string, DeckSchedule[]>();
  for (const entry of schedules) {
    for (const slug of entry.decks) {
      const group = byDeck.get(slug);
      if (group) group.push(entry);
      else byDeck.set(slug, [entry]);
    }
  }
  const deckOptions = await deckOptionsByDeck(userId);
  const limits = withDeckNewLimits(settings, deckOptions);
  // New cards never enter buildQueue here: their count is all it would use them for.
  const dueIn = (cards: readonly DeckSchedule[], deck: string | null) => {
    const maxReviewsPerDay = reviewCeiling(settings, deckOptions, today, deck);
    const { counts } = buildQueue(
      cards.filter((card) => isStudyable(card, now)),
      now,
      { ...settings, maxReviewsPerDay },
      today,
    );
    return counts.learning + counts.review;
  };

  let newTotal = 0;
  const totalAllowance = totalNewAllowance(settings, today.introduced);
  const decks = deckRows.map((row): DeckProgress => {
    const cards = byDeck.get(row.slug) ?? [];
    const cardCount = Number(row.cardCount) - Number(row.suspended);
    const fresh = cardCount - cards.length - Number(row.buriedNew);
    const newAvailable = Math.min(fresh, deckNewAllowance(limits, today.introduced, row.slug));
    // "Study now" over all decks takes from each deck within its own limit (lib/srs/new-limits).
    newTotal += Math.min(newAvailable, totalAllowance);
    return {
      slug: row.slug,
      title: row.title,
      description: row.description,
      cardCount,
      quizCount: Number(row.quizCount),
      introduced: cards.length,
      due: dueIn(cards, row.slug),
      newAvailable,
      predictedRecall: recall.get(row.slug) ?? null,
    };
  });
  return {
    decks,
    totalDue: dueIn(schedules, null),
    // A card in several decks is one new card: at most the distinct unseen cards.
    totalNew: Math.min(newTotal, Number(unseen?.n ?? 0), totalAllowance),
  };
}
