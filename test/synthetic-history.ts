import { default_w } from "ts-fsrs";
import type { Database } from "../lib/query";
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
 * query builder (lib/query), on SQLite or PostgreSQL: review logs and card states that agree, as the review
 * path writes them. For tests, the e2e seed and the optimizer bench; never for the app.
 */
export async function writeSyntheticHistory(
  db: Database,
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
  const logs = cards.flatMap(({ logs }, i) =>
    logs.map((fields, n) => {
      const cardId = cardIds[i] as string;
      const id = `synthetic-${userId}-${cardId}-${n}`;
      return {
        ...fields,
        id,
        userId,
        cardId,
        idempotencyKey: id,
        origin: "study",
        durationMs: 4000,
        cardVersion: n + 1,
      };
    }),
  );
  const states = cards.map(({ schedule, logs }, i) => ({
    ...schedule,
    userId,
    cardId: cardIds[i] as string,
    version: logs.length,
    introducedAt: logs[0]?.reviewedAt ?? options.now,
  }));
  // Rows in batches: one statement per BATCH rows keeps well under either database's parameter limit.
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < logs.length; i += BATCH) {
      await tx
        .insertInto("ReviewLog")
        .values(logs.slice(i, i + BATCH))
        .execute();
    }
    for (let i = 0; i < states.length; i += BATCH) {
      await tx
        .insertInto("CardState")
        .values(states.slice(i, i + BATCH))
        .execute();
    }
  });
  return { reviews: logs.length };
}

const BATCH = 500;
