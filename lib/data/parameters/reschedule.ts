import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { db } from "@/lib/db";
import { type Tx, transaction } from "@/lib/query";
import type { LearnerSettings } from "@/lib/srs";
import { type ReschedulePreview, rescheduleCard, summarizeMoves } from "@/lib/srs/reschedule";
import type { CardSchedule, ReviewRating, SrsState } from "@/lib/srs/types";
import { cardKey } from "../reviews";
import { toLearnerSettings } from "../settings";
import { getEffectiveParameters } from "./effective";
import { ownPersonalSet } from "./sets";

export interface SwitchResult {
  /** Cards whose schedule the switch rewrote (0 without rescheduling). */
  rescheduled: number;
  /** Cards answered while the reschedule was being computed, left as they were. */
  skipped: number;
}

interface CardChange {
  cardId: string;
  version: number;
  before: CardSchedule;
  after: CardSchedule;
}

interface ReschedulePlan {
  cards: number;
  changes: CardChange[];
}

/**
 * Every answered card of the learner replayed under their settings and the weights they would
 * have (`ownSetId` as for getEffectiveParameters; undefined: as they are now). Yields to the event
 * loop every few hundred cards, so other requests are not held up by a large collection.
 */
export async function planReschedule(
  userId: string,
  now: Date,
  ownSetId?: string | null,
): Promise<ReschedulePlan> {
  const [row, effective, states, logs] = await Promise.all([
    db.studySettings.findUnique({ where: { userId } }),
    getEffectiveParameters(userId, ownSetId),
    db.cardState.findMany({ where: { userId, state: { not: "new" } } }),
    db.reviewLog.findMany({
      where: { userId },
      select: { cardId: true, rating: true, reviewedAt: true },
      orderBy: [{ cardId: "asc" }, { reviewedAt: "asc" }],
    }),
  ]);
  const settings: LearnerSettings = { ...toLearnerSettings(row), weights: effective.weights };
  const history = new Map<string, { rating: ReviewRating; reviewedAt: Date }[]>();
  for (const log of logs) {
    const list = history.get(log.cardId) ?? [];
    list.push({ rating: log.rating as ReviewRating, reviewedAt: log.reviewedAt });
    history.set(log.cardId, list);
  }
  const changes: CardChange[] = [];
  for (const [index, state] of states.entries()) {
    if (index % 250 === 249) await yieldToEventLoop();
    const before: CardSchedule = {
      state: state.state as SrsState,
      due: state.due,
      stability: state.stability,
      difficulty: state.difficulty,
      reps: state.reps,
      lapses: state.lapses,
      learningSteps: state.learningSteps,
      scheduledDays: state.scheduledDays,
      lastReview: state.lastReview,
    };
    const after = rescheduleCard(
      before,
      history.get(state.cardId) ?? [],
      settings,
      cardKey(userId, state.cardId),
      now,
    );
    if (after) changes.push({ cardId: state.cardId, version: state.version, before, after });
  }
  return { cards: states.length, changes };
}

/**
 * The planned moves, on the progress path (lib/query) like every review: each card written only
 * if nobody answered it since it was read, and its version bumped.
 */
export async function writeCards(tx: Tx, userId: string, plan: ReschedulePlan | null): Promise<SwitchResult> {
  let written = 0;
  for (const { cardId, version, after } of plan?.changes ?? []) {
    const result = await tx
      .updateTable("CardState")
      .set((eb) => ({
        state: after.state,
        due: after.due,
        stability: after.stability,
        difficulty: after.difficulty,
        reps: after.reps,
        lapses: after.lapses,
        learningSteps: after.learningSteps,
        scheduledDays: after.scheduledDays,
        lastReview: after.lastReview,
        version: eb("version", "+", 1),
      }))
      .where("userId", "=", userId)
      .where("cardId", "=", cardId)
      .where("version", "=", version)
      .executeTakeFirst();
    written += Number(result.numUpdatedRows);
  }
  return { rescheduled: written, skipped: (plan?.changes.length ?? 0) - written };
}

/**
 * How many of the learner's cards a reschedule would move, and by how much: with their own set
 * switched to `ownSetId` (null: none), or with everything as it is now (e.g. after changing the
 * desired retention) when it is undefined.
 */
export async function previewReschedule(
  userId: string,
  now: Date,
  ownSetId?: string | null,
): Promise<ReschedulePreview> {
  if (ownSetId) await ownPersonalSet(userId, ownSetId);
  const plan = await planReschedule(userId, now, ownSetId);
  return summarizeMoves(
    plan.changes.map((c) => ({ before: c.before.due, after: c.after.due })),
    plan.cards,
  );
}

/** Reschedules the learner's cards under their current parameters and settings, in one transaction. */
export async function rescheduleCards(userId: string, now: Date): Promise<SwitchResult> {
  const plan = await planReschedule(userId, now);
  if (plan.changes.length === 0) return { rescheduled: 0, skipped: 0 };
  return transaction((tx) => writeCards(tx, userId, plan));
}
