import { type CardSchedule, newCardSchedule, type ReviewLogFields, type SrsState } from "@/lib/srs";
import { rate, type SchedulerSettings } from "@/lib/srs/scheduler";
import type { AnkiCardData } from "./package-read.mjs";

/**
 * Between Retain's FSRS schedule and the card and revlog columns of Anki's legacy collection
 * (schema 11): type 0 new / 1 learning / 2 review / 3 relearning; queue 0 new, 1 learning due at
 * a Unix time in seconds, 2 review and 3 day-learning due on a day counted from the collection's
 * creation (`crt`); `ivl` in days; `factor` the SM-2 ease in permille (FSRS leaves it alone and
 * keeps its own memory state in the card's `data` JSON: s, d, dr, lrt).
 */

const DAY_MS = 86_400_000;
const ANKI_TYPE: Record<SrsState, number> = { new: 0, learning: 1, review: 2, relearning: 3 };
/** Anki's starting ease, 250%: Retain schedules with FSRS, so the SM-2 ease stays at its default. */
export const DEFAULT_EASE = 2500;

export interface AnkiCardColumns {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
}

/** The card columns for a schedule (null: never studied), `position` being its place among new cards. */
export function ankiCardColumns(
  schedule: CardSchedule | null,
  position: number,
  crtSeconds: number,
  desiredRetention: number,
): AnkiCardColumns {
  if (!schedule || schedule.state === "new")
    return { type: 0, queue: 0, due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: "{}" };
  const type = ANKI_TYPE[schedule.state];
  const dayNumber = Math.floor((schedule.due.getTime() / 1000 - crtSeconds) / 86_400);
  const data = JSON.stringify({
    s: Math.round(schedule.stability * 10_000) / 10_000,
    d: Math.round(schedule.difficulty * 1000) / 1000,
    dr: Math.round(desiredRetention * 100) / 100,
    ...(schedule.lastReview ? { lrt: Math.floor(schedule.lastReview.getTime() / 1000) } : {}),
  });
  const common = { type, factor: DEFAULT_EASE, reps: schedule.reps, lapses: schedule.lapses, data };
  if (schedule.state === "review")
    return { ...common, queue: 2, due: dayNumber, ivl: Math.max(1, schedule.scheduledDays), left: 0 };
  // A (re)learning step of a day or more is a day-learning card (queue 3), a shorter one is due at a time.
  const intraday = schedule.scheduledDays < 1;
  return {
    ...common,
    queue: intraday ? 1 : 3,
    due: intraday ? Math.floor(schedule.due.getTime() / 1000) : dayNumber,
    ivl: schedule.state === "relearning" ? Math.max(1, schedule.scheduledDays) : 0,
    left: 1,
  };
}

/** Anki's interval of a revlog row (times in ms): whole days, or negative seconds when under a day. */
function revlogInterval(from: number | null, to: number): number {
  if (from === null) return 0;
  const ms = to - from;
  return ms >= DAY_MS ? Math.round(ms / DAY_MS) : -Math.max(1, Math.round(ms / 1000));
}

export interface RevlogColumns {
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

/**
 * One answer to export, its times in ms since the epoch: an export reads tens of thousands of
 * these, and plain numbers spare a Date object per time (see docs/apkg.md, speed).
 */
export interface ExportedReview {
  rating: number;
  reviewedAt: number;
  stateBefore: string;
  dueBefore: number;
  lastReviewBefore: number | null;
  dueAfter: number;
  durationMs: number;
}

/** A review log row as Anki's revlog columns (its id is the answer time, made unique by the caller). */
export function ankiRevlogColumns(log: ExportedReview): RevlogColumns {
  return {
    ease: log.rating,
    ivl: revlogInterval(log.reviewedAt, log.dueAfter),
    lastIvl: log.stateBefore === "new" ? 0 : revlogInterval(log.lastReviewBefore, log.dueBefore),
    factor: DEFAULT_EASE,
    // Anki keeps answer times up to 60 s.
    time: Math.min(Math.max(0, Math.round(log.durationMs)), 60_000),
    type: log.stateBefore === "review" ? 1 : log.stateBefore === "relearning" ? 2 : 0,
  };
}

export interface ImportedHistory {
  /** The schedule to store, or null for a card never studied. */
  schedule: CardSchedule | null;
  logs: (ReviewLogFields & { durationMs: number })[];
}

/**
 * A card's schedule from its Anki history: its answers replayed through ts-fsrs with the
 * learner's own settings (so FSRS starts from the history, and every log row carries the states
 * undo and the optimizer read). A studied card without usable history keeps Anki's scheduling,
 * mapped: its FSRS memory state when Anki kept one, else its interval as the stability.
 * Answers after `now` (a clock ahead in the file) are left out.
 */
export function importedHistory(
  card: AnkiCardData,
  settings: SchedulerSettings,
  cardKey: string,
  now: Date,
): ImportedHistory {
  const answers = card.history.filter((review) => review.at <= now.getTime()).sort((a, b) => a.at - b.at);
  const first = answers[0];
  if (first) {
    let schedule = newCardSchedule(new Date(first.at));
    const logs: ImportedHistory["logs"] = [];
    for (const answer of answers) {
      const rated = rate(schedule, answer.rating, new Date(answer.at), settings, cardKey);
      logs.push({ ...rated.log, durationMs: answer.durationMs });
      schedule = rated.next;
    }
    return { schedule, logs };
  }
  if (card.type === 0 || card.due === null) return { schedule: null, logs: [] };
  const state: SrsState = card.type === 1 ? "learning" : card.type === 3 ? "relearning" : "review";
  const due = new Date(card.due);
  const scheduledDays = state === "learning" ? 0 : Math.max(0, card.interval);
  const lastReview = new Date(Math.min(now.getTime(), due.getTime() - scheduledDays * DAY_MS));
  return {
    schedule: {
      state,
      due,
      stability: card.stability ?? Math.max(0.1, card.interval),
      difficulty: card.difficulty ?? 5,
      reps: Math.max(1, card.reps),
      lapses: card.lapses,
      learningSteps: 0,
      scheduledDays,
      lastReview,
    },
    logs: [],
  };
}
