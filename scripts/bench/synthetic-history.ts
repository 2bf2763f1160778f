import { sqlDate } from "@/lib/query/values";
import { openSqlite } from "@/lib/sqlite-connection";
import { DEFAULT_LEARNER_SETTINGS, newCardSchedule, type ReviewRating, rate } from "@/lib/srs";

/** Cards in a deck of their own, written straight to SQLite (the bench measures reading them). */
export function insertBenchDeck(url: string, slug: string, cards: number): string[] {
  const db = openSqlite(url);
  const ids = Array.from({ length: cards }, (_, i) => `${slug}-${i}`);
  db.transaction(() => {
    db.prepare('INSERT INTO "Deck" (slug, title, description, position) VALUES (?, ?, ?, 99)').run(
      slug,
      `Bench ${slug}`,
      "Synthetic deck for benchmarks",
    );
    const card = db.prepare(
      'INSERT INTO "Card" (id, deckSlug, kind, front, back, evidence, sources, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const sources = JSON.stringify([{ document: "bench", quote: "A synthetic quote.", quoteId: "bench" }]);
    const member = db.prepare('INSERT INTO "DeckCard" (deckSlug, cardId, position) VALUES (?, ?, ?)');
    ids.forEach((id, i) => {
      card.run(id, slug, "basic", `Front ${i}`, `Back ${i}`, "background", sources, i);
      member.run(slug, id, i);
    });
  })();
  db.close();
  return ids;
}

/**
 * A learner's history: `reviewsPerCard` answers on each card, each given on its due date, as by
 * a learner who keeps up, scheduled by lib/srs so states and logs agree. Each card's history is
 * then shifted in time so that its last answer is past and its next due date falls between
 * yesterday and 19 days ahead, so about one card in twenty is due on any one day.
 */
export function insertHistory(
  url: string,
  userId: string,
  cardIds: string[],
  reviewsPerCard: number,
  now: Date,
) {
  const db = openSqlite(url);
  const log = db.prepare(
    `INSERT INTO "ReviewLog" (id, userId, cardId, idempotencyKey, origin, rating, reviewedAt, durationMs, stateBefore,
       dueBefore, lastReviewBefore, stabilityBefore, difficultyBefore, scheduledDaysBefore, learningStepsBefore,
       dueAfter, stabilityAfter, difficultyAfter)
     VALUES (?, ?, ?, ?, 'study', ?, ?, 3000, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const state = db.prepare(
    `INSERT INTO "CardState" (userId, cardId, state, due, stability, difficulty, reps, lapses, learningSteps,
       scheduledDays, lastReview, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
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
  let counter = 0;
  db.transaction(() => {
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
        log.run(
          `bench-${counter}`,
          userId,
          cardId,
          `bench-key-${counter++}`,
          fields.rating,
          sqlDate(fields.reviewedAt),
          fields.stateBefore,
          sqlDate(fields.dueBefore),
          fields.lastReviewBefore ? sqlDate(fields.lastReviewBefore) : null,
          fields.stabilityBefore,
          fields.difficultyBefore,
          fields.scheduledDaysBefore,
          fields.learningStepsBefore,
          sqlDate(fields.dueAfter),
          fields.stabilityAfter,
          fields.difficultyAfter,
        );
      }
      state.run(
        userId,
        cardId,
        schedule.state,
        sqlDate(schedule.due),
        schedule.stability,
        schedule.difficulty,
        schedule.reps,
        schedule.lapses,
        schedule.learningSteps,
        schedule.scheduledDays,
        schedule.lastReview ? sqlDate(schedule.lastReview) : null,
        reviewsPerCard,
      );
    });
  })();
  db.close();
}
