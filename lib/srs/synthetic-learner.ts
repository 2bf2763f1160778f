import { type Card, createEmptyCard, fsrs, generatorParameters } from "ts-fsrs";
import { seededRandom } from "../quiz/random";
import { TO_FSRS_GRADE } from "./fsrs-card";
import { newCardSchedule, rate, type SchedulerSettings } from "./scheduler";
import type { CardSchedule, ReviewLogFields, ReviewRating } from "./types";

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * When the learner answers a card due at `due`, last answered at `last`: a learning step (due
 * within the hour) right on time, anything else in their daily session, 18:00–18:40 UTC, on the
 * day it falls due (or the next day when it falls due after that day's session).
 */
function answerTime(due: number, last: number, index: number): number {
  if (due - last < 60 * MINUTE) return due;
  const session = Math.floor(due / DAY) * DAY + 18 * 60 * MINUTE + (index % 120) * 20_000;
  return session >= due ? session : session + DAY;
}

export interface SyntheticCard {
  schedule: CardSchedule;
  logs: ReviewLogFields[];
}

export interface SyntheticLearnerOptions {
  /** How this learner really remembers: FSRS-6 weights the app does not know. */
  trueWeights: readonly number[];
  /** The app's settings the learner studies with (their weights, retention, steps, fuzz). */
  settings: SchedulerSettings;
  cards: number;
  answersPerCard: number;
  /** Every card's last answer falls before this, at least a day before. */
  now: Date;
  seed: number;
  /** Per-card key for the app's fuzz seed, e.g. `${userId}:${cardId}`. */
  cardKey: (index: number) => string;
}

/**
 * A learner who answers each card when it is due (in a daily session), as scheduled by lib/srs, and recalls it with
 * the probability FSRS gives under `trueWeights`: Again when forgotten, else mostly Good. A
 * history from known parameters, for testing and benchmarking the optimizer. Each card's history
 * is shifted by whole days so its last answer is in the past and its next due date is spread over
 * the coming weeks (whole days keep ts-fsrs's elapsed-day counts, so the shifted run is identical).
 */
export function simulateLearner(options: SyntheticLearnerOptions): SyntheticCard[] {
  const truth = fsrs(generatorParameters({ w: [...options.trueWeights], enable_fuzz: false }));
  const playCard = (index: number, start: number): SyntheticCard => {
    const random = seededRandom(options.seed * 7919 + index);
    const chance = () => random.int(0, 999_999) / 1_000_000;
    let at = start + 18 * 60 * MINUTE + (index % 120) * 20_000; // the first answer, in that day's session
    let schedule = newCardSchedule(new Date(at));
    let memory: Card = createEmptyCard(new Date(at));
    const logs: ReviewLogFields[] = [];
    for (let n = 0; n < options.answersPerCard; n++) {
      const when = new Date(at);
      const recalled = n === 0 ? chance() > 0.2 : chance() < truth.get_retrievability(memory, when, false);
      const roll = chance();
      const rating: ReviewRating = !recalled ? 1 : roll < 0.1 ? 2 : roll < 0.9 ? 3 : 4;
      const rated = rate(schedule, rating, when, options.settings, options.cardKey(index));
      memory = truth.next(memory, when, TO_FSRS_GRADE[rating]).card;
      logs.push(rated.log);
      schedule = rated.next;
      at = answerTime(schedule.due.getTime(), at, index);
    }
    return { schedule, logs };
  };
  return Array.from({ length: options.cards }, (_, index) => {
    const trial = playCard(index, 0);
    const last = trial.logs.at(-1)?.reviewedAt.getTime() ?? 0;
    const spread = ((index * 7919) % 1000) / 1000;
    const targetDue = options.now.getTime() + (spread * 20 - 1) * DAY;
    const latest = options.now.getTime() - DAY - last;
    const shift = Math.floor(Math.min(targetDue - trial.schedule.due.getTime(), latest) / DAY) * DAY;
    return playCard(index, shift);
  });
}
