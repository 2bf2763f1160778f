import "server-only";
import { ConflictError } from "@/lib/errors";
import type { Database } from "@/lib/query";
import { prepared } from "@/lib/query/prepared";
import { type CardSchedule, newCardSchedule } from "@/lib/srs";
import { toWire } from "@/lib/study/session-data";
import type { ReviewSubmission } from "@/lib/validations/review";
import { visibleDeck } from "../deck-access";
import { effectiveWeights } from "../effective-weights";
import { SCHEDULE_COLUMNS, type ScheduleColumns, SETTINGS_COLUMNS, scheduleFromRow } from "../schedule-rows";

export interface CardStateView {
  cardId: string;
  schedule: CardSchedule;
  /** 0 for a card the learner has never answered. */
  version: number;
}

export interface ReviewResult extends CardStateView {
  /** "duplicate": this idempotency key was recorded before; nothing was written. */
  status: "recorded" | "duplicate";
}

/** A stale answer: the card changed since the client read it. Carries the current state. */
export class StaleReviewError extends ConflictError {
  constructor(readonly current: CardStateView) {
    super("This card changed in another tab or device. Its latest state has been loaded.");
    this.details = { current: { ...current, schedule: toWire(current.schedule) } };
  }
}

/** The per-card fuzz seed: the same learner, card and repetition always get the same fuzz. */
export const cardKey = (userId: string, cardId: string) => `${userId}:${cardId}`;

export type ReviewInput = ReviewSubmission & { origin?: "study" | "quiz" };

const STATE_COLUMNS = [...SCHEDULE_COLUMNS, "s.version"] as const;

type StateRow = { [K in keyof ScheduleColumns]: ScheduleColumns[K] | null } & { version: number | null };

export function toView(cardId: string, row: StateRow | undefined, now: Date): CardStateView {
  if (!row || row.version === null) return { cardId, schedule: newCardSchedule(now), version: 0 };
  return { cardId, version: Number(row.version), schedule: scheduleFromRow(row as ScheduleColumns) };
}

export async function findState(
  db: Database,
  userId: string,
  cardId: string,
  now: Date,
): Promise<CardStateView> {
  const row = await db
    .selectFrom("CardState as s")
    .select(STATE_COLUMNS)
    .where("s.userId", "=", userId)
    .where("s.cardId", "=", cardId)
    .executeTakeFirst();
  return toView(cardId, row, now);
}

/**
 * Everything a review needs, in one statement: the session's version (revocation), whether the
 * key was recorded (idempotency), whether the card exists for this learner, its state, the
 * learner's settings (with their leech rule) and effective FSRS weights, and the preset of the
 * card's home deck. No row: the account is gone.
 */
export const readForReview = prepared<{ userId: string; cardId: string; key: string }>()((db, param) =>
  db
    .selectFrom("User as u")
    .leftJoin("CardState as s", (join) =>
      join.onRef("s.userId", "=", "u.id").on("s.cardId", "=", param("cardId")),
    )
    .leftJoin("StudySettings as st", "st.userId", "u.id")
    // The preset of the card's home deck (if the learner chose one) schedules the card.
    .leftJoin("Card as hc", (join) => join.on("hc.id", "=", param("cardId")))
    .leftJoin("DeckPresetDeck as pd", (join) =>
      join.onRef("pd.userId", "=", "u.id").onRef("pd.deckSlug", "=", "hc.deckSlug"),
    )
    .leftJoin("DeckPreset as p", "p.id", "pd.presetId")
    .select(["u.sessionVersion", ...STATE_COLUMNS, ...SETTINGS_COLUMNS])
    .select([
      "p.desiredRetention as presetRetention",
      "p.learningSteps as presetLearningSteps",
      "p.relearningSteps as presetRelearningSteps",
    ])
    .select((eb) => [
      eb
        .selectFrom("ReviewLog")
        .select("cardId")
        .where("userId", "=", param("userId"))
        .where("idempotencyKey", "=", param("key"))
        .as("loggedCardId"),
      // Someone else's personal deck's card does not exist for this learner: NULL, as for no card.
      eb
        .selectFrom("Card as c")
        .innerJoin("Deck as d", "d.slug", "c.deckSlug")
        .select("c.retired")
        .where("c.id", "=", param("cardId"))
        .where(visibleDeck("d", param("userId")))
        .as("cardRetired"),
      effectiveWeights(param("userId")).as("weights"),
    ])
    .where("u.id", "=", param("userId")),
);
