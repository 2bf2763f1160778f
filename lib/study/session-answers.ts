import { schedulingSettings } from "@/lib/srs/deck-options";
import type { ReviewRating } from "@/lib/srs/types";
import type { NewAnswer, OutboxOp } from "./outbox";
import { fromWire, type StudyCard, toWire, type WireSchedule } from "./session-data";
import {
  type AnswerRecord,
  place,
  promoteDue,
  type RateFn,
  type StudyQueueState,
  setAside,
  setFlag,
  without,
} from "./session-queue";

/**
 * The study queue's transitions that answers make: rating the card on show, undo, the server's
 * replies and resuming after a reload (see session-queue.ts). Apart from the queue's first
 * render, so the study page can load them after its first paint, with ts-fsrs (issue 18).
 */

const MAX_DURATION_MS = 24 * 60 * 60 * 1000;

/** Schedules a card locally exactly as the server will (same `rate`, inputs and fuzz seed). */
function rateCard(
  rate: RateFn,
  state: StudyQueueState,
  card: StudyCard,
  rating: ReviewRating,
  answeredAt: number,
) {
  // The server never dates an answer before the card's last review; neither do we.
  const at = Math.max(answeredAt, card.schedule.lastReview ?? 0);
  const { next } = rate(
    fromWire(card.schedule),
    rating,
    new Date(at),
    // A card is scheduled with its home deck's preset, as on the server (lib/data/reviews).
    schedulingSettings(state.settings, card.options),
    `${state.userId}:${card.cardId}`,
  );
  return { at, card: { ...card, schedule: toWire(next), version: card.version + 1 } };
}

/**
 * Rates the card on show: schedules it locally, queues it again if it comes back in this session,
 * and shows the next card. Returns the answer for the outbox.
 */
export function rateCurrent(
  state: StudyQueueState,
  rating: ReviewRating,
  now: number,
  key: string,
  rate: RateFn,
): { state: StudyQueueState; answer: NewAnswer } | null {
  const card = state.current === null ? undefined : state.cards[state.current];
  if (!card) return null;
  const before = { schedule: card.schedule, version: card.version };
  const rated = rateCard(rate, state, card, rating, now);
  const durationMs = Math.round(Math.min(MAX_DURATION_MS, Math.max(0, now - state.shownAt)));
  const answer = { key, cardId: card.cardId, rating, answeredAt: rated.at, durationMs, before };
  let next: StudyQueueState = {
    ...state,
    cards: { ...state.cards, [card.cardId]: rated.card },
    current: null,
    revealed: false,
    history: [...state.history, answer],
  };
  next = place(next, card.cardId, now, true);
  return { state: promoteDue(next, now), answer };
}

/**
 * Takes back the last answer: the card returns to its exact previous schedule and is shown again,
 * and the card that was on show goes back to the front of the queue. `serverUndo` says the server
 * will record the answer and then its undo (two version steps); otherwise it never hears of it.
 */
export function undoLast(state: StudyQueueState, now: number, serverUndo: boolean): StudyQueueState {
  const last = state.history.at(-1);
  const card = last ? state.cards[last.cardId] : undefined;
  if (!last || !card) return state;
  const restored: StudyCard = {
    ...card,
    schedule: last.before.schedule,
    version: last.before.version + (serverUndo ? 2 : 0),
  };
  const due = without(state.due, card.cardId);
  return {
    ...state,
    cards: { ...state.cards, [card.cardId]: restored },
    current: card.cardId,
    revealed: false,
    shownAt: now,
    due: state.current !== null && state.current !== card.cardId ? [state.current, ...due] : due,
    upcoming: without(state.upcoming, card.cardId),
    history: state.history.slice(0, -1),
  };
}

/** Replaces the local copy of a card with the server's; the card on show stays on show. */
export function applyServerState(
  state: StudyQueueState,
  update: { cardId: string; schedule: WireSchedule; version: number },
  now: number,
  options: { admit: boolean; forgetKeys?: readonly string[] },
): StudyQueueState {
  const forget = new Set(options.forgetKeys ?? []);
  const history = forget.size ? state.history.filter((entry) => !forget.has(entry.key)) : state.history;
  const card = state.cards[update.cardId];
  if (!card) return history === state.history ? state : { ...state, history };
  const next: StudyQueueState = {
    ...state,
    history,
    cards: {
      ...state.cards,
      [update.cardId]: { ...card, schedule: update.schedule, version: update.version },
    },
  };
  if (next.current === update.cardId) return next;
  return promoteDue(place(next, update.cardId, now, options.admit), now);
}

/** Forgets answers the server refused, so undo never reaches for them. */
export function forgetAnswers(state: StudyQueueState, keys: readonly string[]): StudyQueueState {
  const forget = new Set(keys);
  return { ...state, history: state.history.filter((entry) => !forget.has(entry.key)) };
}

/**
 * After a reload: re-applies the answers and undos still in the outbox to the server's cards.
 * An answer whose expected version matches the card is rated again locally; one the server already
 * has (version one ahead) is only remembered for undo; any other is left for the server to refuse.
 */
export function resumeSession(
  state: StudyQueueState,
  ops: readonly OutboxOp[],
  now: number,
  rate: RateFn,
): StudyQueueState {
  if (ops.length === 0) return state;
  let next: StudyQueueState = {
    ...state,
    current: null,
    revealed: false,
    due: state.current === null ? state.due : [state.current, ...state.due],
  };
  for (const op of ops) {
    const card = next.cards[op.cardId];
    if (!card) continue;
    if (op.type === "answer") {
      // Idempotent: resuming twice (React's development double effects) changes nothing.
      if (next.history.some((entry) => entry.key === op.key)) continue;
      const record: AnswerRecord = {
        key: op.key,
        cardId: op.cardId,
        rating: op.rating,
        answeredAt: op.answeredAt,
        durationMs: op.durationMs,
        before: op.before,
      };
      if (card.version === op.expectedVersion) {
        const rated = rateCard(rate, next, card, op.rating, op.answeredAt);
        next = {
          ...next,
          cards: { ...next.cards, [card.cardId]: rated.card },
          history: [...next.history, record],
        };
        next = place(next, card.cardId, now, true);
      } else if (card.version === op.expectedVersion + 1) {
        next = { ...next, history: [...next.history, record] };
      }
    } else if (op.type === "marks") {
      // A suspend or bury still waiting keeps the card out of the resumed session; a flag shows.
      if (op.change.suspended || op.change.buried) next = setAside(next, op.cardId, now);
      if (op.change.flag !== undefined) next = setFlag(next, op.cardId, op.change.flag);
    } else {
      const answeredVersion = op.before.version + 1;
      const history = next.history.filter((entry) => entry.key !== op.key);
      if (card.version === answeredVersion) {
        const restored = { ...card, schedule: op.before.schedule, version: answeredVersion + 1 };
        next = {
          ...next,
          history,
          cards: { ...next.cards, [card.cardId]: restored },
          due: [card.cardId, ...without(next.due, card.cardId)],
          upcoming: without(next.upcoming, card.cardId),
        };
      } else {
        next = { ...next, history };
      }
    }
  }
  return promoteDue(next, now);
}
