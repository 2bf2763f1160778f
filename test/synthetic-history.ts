import { default_w } from "ts-fsrs";
import type { SqlClient } from "../lib/sql/client";
import { DEFAULT_LEARNER_SETTINGS, type SchedulerSettings } from "../lib/srs";
import { simulateLearner } from "../lib/srs/synthetic-learner";

/**
 * A learner who forgets faster at first and holds on longer later than FSRS's defaults assume:
 * lower initial stabilities (w0–w3), a steeper stability gain (w8) and a flatter forgetting
 * curve (w20). Known, non-default parameters for the optimizer to recover.
 */
export const SYNTHETIC_TRUE_WEIGHTS: readonly number[] = default_w.map((w, i) =>
  i <= 3 ? w * 0.35 : i === 8 ? w * 1.25 : i === 20 ? 0.35 : w,
);

export interface SyntheticHistoryOptions {
  answersPerCard: number;
  now: Date;
  seed?: number;
  trueWeights?: readonly number[];
  /** The settings the learner studied with; the app's defaults when left out. */
  settings?: SchedulerSettings;
}

/**
 * Writes a synthetic learner's answers (lib/srs/synthetic-learner) on these cards through the
 * raw-SQL client, on SQLite or PostgreSQL: review logs and card states that agree, as the review
 * path writes them. For tests, the e2e seed and the optimizer bench; never for the app.
 */
export async function writeSyntheticHistory(
  client: SqlClient,
  userId: string,
  cardIds: readonly string[],
  options: SyntheticHistoryOptions,
): Promise<{ reviews: number }> {
  const cards = simulateLearner({
    trueWeights: options.trueWeights ?? SYNTHETIC_TRUE_WEIGHTS,
    settings: options.settings ?? DEFAULT_LEARNER_SETTINGS,
    cards: cardIds.length,
    answersPerCard: options.answersPerCard,
    now: options.now,
    seed: options.seed ?? 1,
    cardKey: (i) => `${userId}:${cardIds[i]}`,
  });
  let reviews = 0;
  await client.transaction(async (tx) => {
    for (const [i, { schedule, logs }] of cards.entries()) {
      const cardId = cardIds[i] as string;
      for (const [n, fields] of logs.entries()) {
        const id = `synthetic-${userId}-${cardId}-${n}`;
        await tx.run(INSERT_LOG, { ...fields, id, userId, cardId, cardVersion: n + 1 });
        reviews += 1;
      }
      await tx.run(INSERT_STATE, {
        ...schedule,
        userId,
        cardId,
        version: logs.length,
        introducedAt: logs[0]?.reviewedAt ?? options.now,
      });
    }
  });
  return { reviews };
}

const INSERT_LOG = `INSERT INTO "ReviewLog" (id, userId, cardId, idempotencyKey, origin, rating, reviewedAt, durationMs,
    stateBefore, dueBefore, lastReviewBefore, stabilityBefore, difficultyBefore, scheduledDaysBefore,
    learningStepsBefore, dueAfter, stabilityAfter, difficultyAfter, cardVersion)
  VALUES (@id, @userId, @cardId, @id, 'study', @rating, @reviewedAt, 4000, @stateBefore, @dueBefore,
    @lastReviewBefore, @stabilityBefore, @difficultyBefore, @scheduledDaysBefore, @learningStepsBefore,
    @dueAfter, @stabilityAfter, @difficultyAfter, @cardVersion)`;

const INSERT_STATE = `INSERT INTO "CardState" (userId, cardId, state, due, stability, difficulty, reps, lapses,
    learningSteps, scheduledDays, lastReview, version, introducedAt)
  VALUES (@userId, @cardId, @state, @due, @stability, @difficulty, @reps, @lapses, @learningSteps,
    @scheduledDays, @lastReview, @version, @introducedAt)`;
