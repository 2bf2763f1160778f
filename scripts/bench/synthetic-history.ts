import type { Insertable } from "kysely";
import { type DB, openQuery } from "@/lib/query";
import { DEFAULT_LEARNER_SETTINGS, newCardSchedule, type ReviewRating, rate } from "@/lib/srs";

/** Rows per INSERT: well under either database's limit on parameters. */
const BATCH = 500;

/** Inserts rows a batch at a time: one statement per BATCH rows. */
export async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Cards in a deck of their own, written straight to the database (the bench measures reading them). */
export async function insertBenchDeck(url: string, slug: string, cards: number): Promise<string[]> {
  const { db, close } = openQuery(url);
  const ids = Array.from({ length: cards }, (_, i) => `${slug}-${i}`);
  const sources = JSON.stringify([{ document: "bench", quote: "A synthetic quote.", quoteId: "bench" }]);
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto("Deck")
        .values({ slug, title: `Bench ${slug}`, description: "Synthetic deck for benchmarks", position: 99 })
        .execute();
      await inBatches(
        ids.map((id, i) => ({
          id,
          deckSlug: slug,
          kind: "basic",
          front: `Front ${i}`,
          back: `Back ${i}`,
          evidence: "background",
          sources,
          position: i,
        })),
        (batch) => tx.insertInto("Card").values(batch).execute(),
      );
      // The app reads a deck's cards through DeckCard (lib/data/deck-membership).
      await inBatches(
        ids.map((cardId, position) => ({ deckSlug: slug, cardId, position })),
        (batch) => tx.insertInto("DeckCard").values(batch).execute(),
      );
    });
  } finally {
    await close();
  }
  return ids;
}

/**
 * A learner's history: `reviewsPerCard` answers on each card, each given on its due date, as by
 * a learner who keeps up, scheduled by lib/srs so states and logs agree. Each card's history is
 * then shifted in time so that its last answer is past and its next due date falls between
 * yesterday and 19 days ahead, so about one card in twenty is due on any one day.
 */
export async function insertHistory(
  url: string,
  userId: string,
  cardIds: string[],
  reviewsPerCard: number,
  now: Date,
): Promise<void> {
  const settings = { ...DEFAULT_LEARNER_SETTINGS, enableFuzz: false };
  const simulate = (cardId: string, c: number, start: number) => {
    let schedule = newCardSchedule(new Date(start));
    let at = start;
    const answers = [];
    for (let r = 0; r < reviewsPerCard; r++) {
      // Some lapses along the way; the last answer is Good.
      const rating = ((c + r) % 7 === 0 && r < reviewsPerCard - 1 ? 1 : 3) as ReviewRating;
      const rated = rate(schedule, rating, new Date(at), settings, `${userId}:${cardId}`);
      answers.push(rated.log);
      schedule = rated.next;
      at = schedule.due.getTime();
    }
    return { schedule, answers };
  };
  const logs: Insertable<DB["ReviewLog"]>[] = [];
  const states: Insertable<DB["CardState"]>[] = [];
  cardIds.forEach((cardId, c) => {
    const trial = simulate(cardId, c, 0);
    const last = trial.schedule.lastReview?.getTime() ?? 0;
    const spread = ((c * 7919) % 1000) / 1000;
    const targetDue = now.getTime() + (spread * 20 - 1) * 86_400_000;
    // Shifting a whole history keeps every interval, so the second run schedules the same way.
    // No answer falls in the current study day, so today's review limit is untouched.
    // Whole days only: ts-fsrs counts elapsed UTC calendar days, so a fractional shift would
    // change the intervals and the second run would not land where the first one says.
    const shift =
      Math.floor(
        Math.min(targetDue - trial.schedule.due.getTime(), now.getTime() - 48 * 3_600_000 - last) /
          86_400_000,
      ) * 86_400_000;
    const { schedule, answers } = simulate(cardId, c, shift);
    for (const fields of answers) {
      const n = logs.length;
      logs.push({
        ...fields,
        id: `bench-${n}`,
        userId,
        cardId,
        idempotencyKey: `bench-key-${n}`,
        durationMs: 3000,
      });
    }
    states.push({ ...schedule, userId, cardId, version: reviewsPerCard });
  });
  const { db, close } = openQuery(url);
  try {
    await db.transaction().execute(async (tx) => {
      await inBatches(logs, (batch) => tx.insertInto("ReviewLog").values(batch).execute());
      await inBatches(states, (batch) => tx.insertInto("CardState").values(batch).execute());
    });
  } finally {
    await close();
  }
}

/** A learner with 20,000 cards of their own deck and 10 answers each (200,000 logs), for read benches. */
export async function benchLearnerWithHistory(url: string, slug: string, now: Date) {
  const { createUser } = await import("@/lib/data/users");
  const user = await createUser({
    name: "Bench",
    email: `${slug}@bench.example`,
    password: "bench-password",
    role: "learner",
  });
  const cards = await insertBenchDeck(url, slug, 20_000);
  await insertHistory(url, user.id, cards, 10, now);
  return { userId: user.id, cards: cards.length, logs: cards.length * 10 };
}
