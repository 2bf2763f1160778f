import { type DeckOptions, deckLimits } from "@/lib/srs/deck-options";
import type { LearnerSettings } from "@/lib/srs/settings";

/** What a trainer asked for: every card introduced, or a predicted recall of the deck by `dueAt`. */
export type AssignmentGoalKind = "all-introduced" | "recall";

export interface AssignmentGoal {
  goal: AssignmentGoalKind;
  dueAt: Date | null;
  createdAt: Date;
  /** Recall goal only: mean predicted recall of the deck to reach, 0–1. */
  targetRecall: number | null;
  /** Optional best quiz score to reach, in percent. */
  quizTarget: number | null;
}

export type OnTrackStatus = "done" | "on-track" | "at-risk" | "overdue" | "no-deadline";

export interface OnTrack {
  status: OnTrackStatus;
  /** One line for a trainer, e.g. "12 cards left, 2 days at 10 new a day; 5 days to go". */
  reason: string;
}

export interface OnTrackInput {
  assignment: AssignmentGoal;
  /** Live cards in the deck. */
  totalCards: number;
  /** Of those, the cards the client has answered at least once. */
  introduced: number;
  /** The client's new cards per day setting. */
  newPerDay: number;
  /**
   * Mean probability of recall of all the deck's cards (unintroduced count as 0) at the deadline,
   * assuming no further reviews; at `now` once the deadline has passed or when there is none.
   */
  projectedRecall: number;
  /** The same mean at `now`. */
  recallNow: number;
  /** Best finished quiz on the deck, in percent; null before any. */
  bestQuizScore: number | null;
  now: Date;
  /** For the date shown in reasons; UTC unless given. */
  timeZone?: string;
}

/**
 * The pace (`OnTrackInput.newPerDay`) an assignment is judged by: the new cards a day its deck
 * really gets, i.e. the deck's preset limit under the learner's all-decks limit (the ceiling), or
 * the learner's per-deck limit when the deck has no preset (lib/srs/deck-options `deckLimits`).
 * `deckOptions` is the deck's entry in lib/data/deck-presets `deckOptionsByDeck(learnerId)`.
 */
export function assignmentNewPerDay(
  settings: Pick<LearnerSettings, "newPerDay" | "newPerDayTotal" | "maxReviewsPerDay">,
  deckOptions: Pick<DeckOptions, "newPerDay" | "maxReviewsPerDay"> | null | undefined,
): number {
  return deckLimits(settings, deckOptions).newPerDay;
}

/** A recall goal saved without a target is read as this one. */
export const DEFAULT_TARGET_RECALL = 0.8;
const DAY_MS = 86_400_000;

/**
 * The rule, in order:
 * 1. done: the card goal is met (all-introduced: every card introduced; recall: projected recall at
 *    the deadline ≥ target, which already assumes no further reviews) and the quiz target, if any,
 *    is reached.
 * 2. no-deadline: not done and no due date.
 * 3. overdue: not done and the due date has passed.
 * 4. at-risk, pace: cards remain and introducing them at newPerDay takes more days than are left
 *    (days left = whole or part days until the deadline, today included).
 * 5. recall goal with every card introduced, still short of the target at the deadline: at-risk
 *    if recall is below target now too; on-track if it is above it now, because the projection
 *    assumes no more reviews and keeping up with due reviews holds recall near the learner's
 *    desired retention. (Judging on the projection alone would flag every long deadline.)
 * 6. otherwise on-track: the remaining cards fit at newPerDay, or only the quiz is left, and a
 *    quiz can be taken any day.
 * Every reason names the quiz target, when there is one, with the best score so far: a trainer
 * reading "4 cards left" must not take the deck for done once they are introduced.
 */
export function onTrack(input: OnTrackInput): OnTrack {
  const { assignment, now } = input;
  const target = assignment.goal === "recall" ? (assignment.targetRecall ?? DEFAULT_TARGET_RECALL) : null;
  const remaining = Math.max(0, input.totalCards - input.introduced);
  const cardsMet = target === null ? remaining === 0 : input.projectedRecall >= target;
  const quizMet =
    assignment.quizTarget === null ||
    (input.bestQuizScore !== null && input.bestQuizScore >= assignment.quizTarget);
  const day = (date: Date) => dayLabel(date, input.timeZone ?? "UTC");
  const quizGap = () =>
    input.bestQuizScore === null
      ? `no quiz finished, goal ${assignment.quizTarget}%`
      : `best quiz ${Math.floor(input.bestQuizScore)}%, goal ${assignment.quizTarget}%`;
  const cardGap = () =>
    target === null
      ? `${count(remaining, "card")} not introduced`
      : `recall ${pct(input.recallNow)}, goal ${pct(target)}`;
  const withQuiz = (text: string) => (assignment.quizTarget === null ? text : `${text}; ${quizGap()}`);

  if (cardsMet && quizMet) {
    const quiz =
      assignment.quizTarget !== null
        ? `; ${quizGap()}`
        : input.bestQuizScore === null
          ? ""
          : `; best quiz ${Math.floor(input.bestQuizScore)}%`;
    if (target === null)
      return { status: "done", reason: `All ${count(input.totalCards, "card")} introduced${quiz}` };
    const recall =
      assignment.dueAt && assignment.dueAt > now
        ? `Projected recall ${pct(input.projectedRecall)} on ${day(assignment.dueAt)}`
        : `Recall ${pct(input.projectedRecall)}`;
    return { status: "done", reason: `${recall}, goal ${pct(target)}${quiz}` };
  }
  const gap = cardsMet ? capitalize(quizGap()) : withQuiz(capitalize(cardGap()));
  if (!assignment.dueAt) {
    const reason =
      target === null
        ? `${withQuiz(`${input.introduced} of ${count(input.totalCards, "card")} introduced since ${day(assignment.createdAt)}`)}, no due date`
        : `${gap}, no due date`;
    return { status: "no-deadline", reason };
  }
  const dueAt = assignment.dueAt;
  if (now >= dueAt) return { status: "overdue", reason: `Was due ${day(dueAt)}: ${decapitalize(gap)}` };

  const daysLeft = Math.ceil((dueAt.getTime() - now.getTime()) / DAY_MS);
  const toGo = `${count(daysLeft, "day")} to go`;
  if (remaining > 0) {
    if (input.newPerDay <= 0)
      return {
        status: "at-risk",
        reason: `${withQuiz(`${count(remaining, "card")} left and no new cards a day set`)}; ${toGo}`,
      };
    const daysNeeded = Math.ceil(remaining / input.newPerDay);
    const pace = `${count(remaining, "card")} left, ${count(daysNeeded, "day")} at ${input.newPerDay} new a day`;
    return daysNeeded > daysLeft
      ? { status: "at-risk", reason: `${withQuiz(pace)}; only ${toGo}` }
      : { status: "on-track", reason: `${withQuiz(pace)}; ${toGo}` };
  }
  if (target !== null && !cardsMet) {
    return input.recallNow >= target
      ? {
          status: "on-track",
          reason: withQuiz(`Recall ${pct(input.recallNow)} now, goal ${pct(target)} on ${day(dueAt)}`),
        }
      : {
          status: "at-risk",
          reason: withQuiz(
            `Projected recall ${pct(input.projectedRecall)} on ${day(dueAt)}, goal ${pct(target)}`,
          ),
        };
  }
  return { status: "on-track", reason: `${gap}; ${toGo}` };
}

/** Rounded down, so a figure shown below the goal never reads as the goal itself. */
const pct = (share: number) => `${Math.floor(share * 100 + 1e-9)}%`;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const decapitalize = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const labels = new Map<string, Intl.DateTimeFormat>();
function dayLabel(date: Date, timeZone: string): string {
  let format = labels.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone });
    labels.set(timeZone, format);
  }
  return format.format(date);
}
