import type { rate, SchedulerSettings } from "@/lib/srs/scheduler";
import type { ReviewRating } from "@/lib/srs/types";
import type { CardSnapshot } from "./outbox";
import type { StudyCard, StudySessionData } from "./session-data";
import { isLearning } from "./session-view";

/**
 * The study session's queue, as pure transitions: the card on show, the cards due after it,
 * the learning cards that come back later in the session, and the answers given (for undo and
 * the summary). Time is always a parameter (epoch ms). The server starts the session (startSession);
 * the study page's first load reads it with session-view.ts only, and loads these transitions, and
 * what answers do (session-answers.ts: rating, undo, the server's replies, resuming after a
 * reload), after its first paint.
 */

/**
 * lib/srs/scheduler's `rate`, passed in rather than imported so the study page can load ts-fsrs
 * after its first paint (it is needed only once the first answer is shown).
 */
export type RateFn = typeof rate;

export interface AnswerRecord {
  key: string;
  cardId: string;
  rating: ReviewRating;
  answeredAt: number;
  durationMs: number;
  before: CardSnapshot;
}

export interface StudyQueueState {
  userId: string;
  settings: SchedulerSettings;
  /** Learning cards due before this instant (the next study day) come back in this session. */
  dayEnd: number;
  /** Every card the session knows, with its latest local schedule and the version to send next. */
  cards: Readonly<Record<string, StudyCard>>;
  /** The card on show, or null when nothing is due right now. */
  current: string | null;
  revealed: boolean;
  /** When the current card's front was shown. */
  shownAt: number;
  /** Due now, in the order they will be shown after the current card. */
  due: readonly string[];
  /** (Re)learning cards not due yet, earliest first. */
  upcoming: readonly string[];
  /** This session's answers, oldest first. */
  history: readonly AnswerRecord[];
}

export const without = (ids: readonly string[], id: string) => ids.filter((other) => other !== id);

function insertUpcoming(state: StudyQueueState, upcoming: readonly string[], id: string): string[] {
  const due = state.cards[id]?.schedule.due ?? 0;
  const at = upcoming.findIndex((other) => (state.cards[other]?.schedule.due ?? 0) > due);
  return at === -1 ? [...upcoming, id] : [...upcoming.slice(0, at), id, ...upcoming.slice(at)];
}

/** Due learning cards go before due reviews and new cards (as in Anki), earliest first. */
function insertDueLearning(state: StudyQueueState, dueIds: readonly string[], id: string): string[] {
  const due = state.cards[id]?.schedule.due ?? 0;
  const at = dueIds.findIndex((other) => {
    const schedule = state.cards[other]?.schedule;
    return !schedule || !isLearning(schedule) || schedule.due > due;
  });
  return at === -1 ? [...dueIds, id] : [...dueIds.slice(0, at), id, ...dueIds.slice(at)];
}

/**
 * Puts a card (not the one on show) where its schedule says: a (re)learning card due in this
 * study day waits in `upcoming` (or joins `due` if its time has come); anything else leaves the
 * session. With `admit` false, a card that is not queued anywhere stays out.
 */
export function place(state: StudyQueueState, id: string, now: number, admit: boolean): StudyQueueState {
  const card = state.cards[id];
  const queued = state.due.includes(id) || state.upcoming.includes(id);
  const rest = { due: without(state.due, id), upcoming: without(state.upcoming, id) };
  if (!card || (!admit && !queued)) return { ...state, ...rest };
  const { schedule } = card;
  if (!isLearning(schedule)) {
    // A new or review card keeps its place if it is still queued for today (e.g. a 409 refresh).
    const stillDue = schedule.state === "new" || schedule.due < state.dayEnd;
    return state.due.includes(id) && stillDue ? state : { ...state, ...rest };
  }
  if (schedule.due >= state.dayEnd) return { ...state, ...rest };
  if (schedule.due <= now) return { ...state, ...rest, due: insertDueLearning(state, rest.due, id) };
  return { ...state, ...rest, upcoming: insertUpcoming(state, rest.upcoming, id) };
}

/** Moves learning cards whose time has come into `due`, and shows the next card if none is on show. */
export function promoteDue(state: StudyQueueState, now: number): StudyQueueState {
  let next = state;
  while (next.upcoming.length > 0) {
    const id = next.upcoming[0] as string;
    if ((next.cards[id]?.schedule.due ?? 0) > now) break;
    next = { ...next, upcoming: next.upcoming.slice(1), due: insertDueLearning(next, next.due, id) };
  }
  if (next.current === null && next.due.length > 0) {
    next = { ...next, current: next.due[0] as string, due: next.due.slice(1), revealed: false, shownAt: now };
  }
  return next;
}

export function startSession(data: StudySessionData, now: number): StudyQueueState {
  const cards: Record<string, StudyCard> = {};
  for (const card of [...data.cards, ...data.upcomingLearning]) cards[card.cardId] = card;
  const { timeZone: _timeZone, dayRolloverHour: _rollover, ...settings } = data.settings;
  let state: StudyQueueState = {
    userId: data.userId,
    settings,
    dayEnd: data.dayEnd,
    cards,
    current: null,
    revealed: false,
    shownAt: now,
    due: data.cards.map((card) => card.cardId),
    upcoming: [],
    history: [],
  };
  for (const card of data.upcomingLearning) state = place(state, card.cardId, now, true);
  return promoteDue(state, now);
}

/** "Study it now": shows the next learning card before its time (as Anki's learn-ahead does). */
export function studyAhead(state: StudyQueueState, now: number): StudyQueueState {
  const [first, ...rest] = state.upcoming;
  if (state.current !== null || first === undefined) return state;
  return promoteDue({ ...state, upcoming: rest, due: [first, ...state.due] }, now);
}

/**
 * Takes a card out of this session (suspended, buried, or become a leech): from the queue, or
 * off the screen, the next due card taking its place. Its answers stay in the history.
 */
export function setAside(state: StudyQueueState, cardId: string, now: number): StudyQueueState {
  const rest = { due: without(state.due, cardId), upcoming: without(state.upcoming, cardId) };
  if (state.current !== cardId) return { ...state, ...rest };
  return promoteDue({ ...state, ...rest, current: null, revealed: false }, now);
}

/** Sets a card's flag in the session's copy. */
export function setFlag(state: StudyQueueState, cardId: string, flag: number): StudyQueueState {
  const card = state.cards[cardId];
  return card ? { ...state, cards: { ...state.cards, [cardId]: { ...card, flag } } } : state;
}

/** Anki's cap on one answer's time, so a card left open over lunch does not count as study. */
const COUNTED_ANSWER_MS = 60_000;

export interface SessionSummary {
  answers: number;
  cards: number;
  again: number;
  timeMs: number;
  /** The earliest due among the cards answered in this session, or null. */
  nextDue: number | null;
}

export function summarize(state: StudyQueueState): SessionSummary {
  const ids = new Set(state.history.map((entry) => entry.cardId));
  let nextDue: number | null = null;
  for (const id of ids) {
    const due = state.cards[id]?.schedule.due;
    if (due !== undefined && (nextDue === null || due < nextDue)) nextDue = due;
  }
  return {
    answers: state.history.length,
    cards: ids.size,
    again: state.history.filter((entry) => entry.rating === 1).length,
    timeMs: state.history.reduce((sum, entry) => sum + Math.min(entry.durationMs, COUNTED_ANSWER_MS), 0),
    nextDue,
  };
}
