import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { ConvertStepUnitToMinutes, type FSRS, type FSRSState, get_fuzz_range, Rating } from "ts-fsrs";
import { fsrsFor, type SchedulerSettings } from "./scheduler";
import type { CardSchedule } from "./types";

/**
 * The workload simulator: reviews per study day over the coming days at a desired retention, for a
 * learner's cards and new-card pace. Pure and synchronous, so the settings page can rerun it in the
 * browser as the retention slider moves.
 *
 * Model (a Monte Carlo run with a seeded PRNG, not expected values: a lapse resets a card's
 * stability, so its future depends on the draw, and averaging intervals would understate reviews):
 * - a card is reviewed at the start of the day it falls due (overdue cards today), and is
 *   recalled with the probability ts-fsrs predicts for that moment (its forgetting curve);
 * - a recalled card is rated Good, a forgotten one Again, so the projection shows what the
 *   retention costs and not rating habits; (re)learning steps are played as Good answers;
 * - new cards are introduced at `newPerDay` until none are left, and every answer counts,
 *   learning steps included; the daily review limit is ignored (the projection is the demand);
 * - stability, difficulty and intervals come from ts-fsrs (`next_state`, `next_interval`) with
 *   the learner's weights; with fuzz on (the learner's setting), an interval is drawn from ts-fsrs's
 *   fuzz range as its scheduler does, which spreads cards learned on the same day.
 * - days are 24-hour days from the start of today's study day (a DST change shifts a review by an
 *   hour at most); a large collection is simulated on an evenly spaced sample and scaled up, a small
 *   one several times and averaged, so one run's luck does not decide the picture.
 * Each card draws from its own seeded stream, so runs at different retentions see the same luck and
 * their difference is the retention's effect.
 */

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

/** An introduced card as the simulator needs it, in days relative to the start of today's study day. */
export interface WorkloadCard {
  /** Days until the card is due (negative when overdue). */
  dueIn: number;
  /** Days from its last review to the start of today's study day. */
  sinceReview: number;
  stability: number;
  difficulty: number;
  /** Still in (re)learning steps: one more Good answer graduates it. */
  learning: boolean;
}

export interface WorkloadInput {
  cards: readonly WorkloadCard[];
  /** How many introduced cards `cards` stands for when it is a sample; defaults to its length. */
  introduced?: number;
  /** Cards never studied that the learner can still be given. */
  newCards: number;
  newPerDay: number;
  /** New cards still allowed today (today's limit minus those already introduced); defaults to newPerDay. */
  newToday?: number;
  /** Weights, maximum interval, steps and fuzz; the desired retention is given per run. */
  settings: Pick<SchedulerSettings, "maximumInterval" | "learningSteps" | "relearningSteps" | "weights"> & {
    enableFuzz?: boolean;
  };
}

export interface WorkloadOptions {
  days: number;
  seed: number;
  /** Above this many introduced cards, an evenly spaced sample is simulated and scaled up. */
  maxCards?: number;
  /** At most this many of a day's new cards are simulated, scaled up to the day's count. */
  maxNewPerDay?: number;
  /** About how many card histories to simulate in all: small collections are run several times and averaged. */
  budget?: number;
}

export interface WorkloadProjection {
  desiredRetention: number;
  /** Expected answers on each day, today first (learning steps included). */
  reviews: number[];
  /** New cards introduced on each day. */
  newCards: number[];
}

const DEFAULT_MAX_CARDS = 2000;
const DEFAULT_MAX_NEW_PER_DAY = 10;
const DEFAULT_BUDGET = 4000;
const MAX_REPLICATES = 16;

/** The introduced cards of a collection in the simulator's terms; new cards are left out. */
export function toWorkloadCards(schedules: readonly CardSchedule[], dayStart: Date): WorkloadCard[] {
  const start = dayStart.getTime();
  return schedules.flatMap((schedule) => {
    if (schedule.state === "new" || !schedule.lastReview || schedule.stability <= 0) return [];
    return [
      {
        dueIn: (schedule.due.getTime() - start) / DAY_MS,
        sinceReview: Math.max(0, (start - schedule.lastReview.getTime()) / DAY_MS),
        // ts-fsrs refuses a memory state outside these bounds; stored states are within them.
        stability: Math.max(schedule.stability, 0.001),
        difficulty: Math.min(Math.max(schedule.difficulty, 1), 10),
        learning: schedule.state === "learning" || schedule.state === "relearning",
      },
    ];
  });
}

/** At most `max` cards, evenly spaced through the list (all of them when there are fewer). */
export function sampleWorkloadCards<T>(cards: readonly T[], max: number): T[] {
  const cap = Math.max(1, Math.floor(max));
  if (cards.length <= cap) return [...cards];
  const stride = cards.length / cap;
  return Array.from({ length: cap }, (_, i) => cards[Math.floor(i * stride)] as T);
}

/** A card's own stream: the same seed and index always draw the same numbers. */
function streamFor(seed: number, index: number): () => number {
  const rng = xoroshiro128plus((seed ^ Math.imul(index + 1, 0x9e3779b1)) | 0);
  // next() is a uniform 32-bit integer; shifted into [0, 1).
  return () => (rng.next() >>> 0) / 4_294_967_296;
}

/** Minutes of each step from the previous answer, as ts-fsrs reads "1m", "10m", "1d". */
function stepMinutes(steps: readonly string[]): number[] {
  return steps.map((step) =>
    ConvertStepUnitToMinutes(step as Parameters<typeof ConvertStepUnitToMinutes>[0]),
  );
}

interface Run {
  f: FSRS;
  fuzz: boolean;
  maximumInterval: number;
  days: number;
  reviews: Float64Array;
  learning: number[];
  relearning: number[];
}

function count(run: Run, day: number, weight: number) {
  if (day < run.days) run.reviews[day] = (run.reviews[day] ?? 0) + weight;
}

/**
 * Good answers through (re)learning steps after the answer on `day`: counts them and returns the
 * state and the day of the last one.
 */
function playSteps(run: Run, steps: readonly number[], state: FSRSState, day: number, weight: number) {
  let minutes = 0;
  let current = state;
  let lastDay = day;
  for (const step of steps) {
    minutes += step;
    const stepDay = day + Math.floor(minutes / MINUTES_PER_DAY);
    count(run, stepDay, weight);
    current = run.f.next_state(current, stepDay - lastDay, Rating.Good);
    lastDay = stepDay;
  }
  return { state: current, day: lastDay };
}

/** The next interval in days: ts-fsrs's, and with fuzz a draw from its fuzz range (as `apply_fuzz` does). */
function nextInterval(run: Run, stability: number, elapsed: number, random: () => number): number {
  const interval = run.f.next_interval(stability, elapsed);
  if (!run.fuzz || interval < 2.5) return interval;
  const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsed, run.maximumInterval);
  return Math.floor(random() * (max_ivl - min_ivl + 1) + min_ivl);
}

/** Follows one card from its next review to the horizon, adding `weight` per answer. */
function followCard(
  run: Run,
  start: { state: FSRSState; day: number; elapsed: number; learning: boolean },
  weight: number,
  random: () => number,
) {
  let { state, day, elapsed, learning } = start;
  while (day < run.days) {
    count(run, day, weight);
    const recall = run.f.forgetting_curve(elapsed, state.stability);
    if (learning) {
      state = run.f.next_state(state, elapsed, Rating.Good, recall);
      learning = false;
    } else if (random() < recall) {
      state = run.f.next_state(state, elapsed, Rating.Good, recall);
    } else {
      const relearned = playSteps(
        run,
        run.relearning,
        run.f.next_state(state, elapsed, Rating.Again, recall),
        day,
        weight,
      );
      state = relearned.state;
      day = relearned.day;
    }
    elapsed = nextInterval(run, state.stability, elapsed, random);
    day += elapsed;
  }
}

/** New cards introduced on each day: `newPerDay` (today what is left of it) until none are left. */
function newCardPace(input: WorkloadInput, days: number): number[] {
  const perDay = Math.max(0, Math.floor(input.newPerDay));
  let left = Math.max(0, Math.floor(input.newCards));
  return Array.from({ length: days }, (_, day) => {
    const limit = day === 0 ? Math.min(perDay, Math.max(0, Math.floor(input.newToday ?? perDay))) : perDay;
    const introduced = Math.min(limit, left);
    left -= introduced;
    return introduced;
  });
}

/**
 * How many times to run the draw and average: a small collection gets several runs (one run of a
 * few cards is mostly luck), a large one a single run; the total work stays about `budget` cards.
 * It depends on the input only, not on the number of days, so a shorter run is the start of a longer one.
 */
function replicatesFor(input: WorkloadInput, sampled: number, newCap: number, budget: number): number {
  const perDay = Math.max(0, Math.floor(input.newPerDay));
  const newCards = Math.max(0, Math.floor(input.newCards));
  const newStreams =
    perDay === 0 ? 0 : Math.min(newCards, Math.ceil(newCards / perDay) * Math.min(perDay, newCap));
  return Math.max(1, Math.min(MAX_REPLICATES, Math.floor(budget / Math.max(1, sampled + newStreams))));
}

/** Simulates one desired retention. */
export function simulateWorkload(
  input: WorkloadInput,
  desiredRetention: number,
  options: WorkloadOptions,
): WorkloadProjection {
  const days = Math.max(0, Math.floor(options.days));
  const run: Run = {
    f: fsrsFor({ ...input.settings, desiredRetention, enableFuzz: false }),
    fuzz: input.settings.enableFuzz ?? false,
    maximumInterval: input.settings.maximumInterval,
    days,
    reviews: new Float64Array(days),
    learning: stepMinutes(input.settings.learningSteps),
    relearning: stepMinutes(input.settings.relearningSteps),
  };
  // Introduced cards: all of them, or an evenly spaced sample standing for the rest.
  const cards = sampleWorkloadCards(input.cards, options.maxCards ?? DEFAULT_MAX_CARDS);
  const newCap = Math.max(1, options.maxNewPerDay ?? DEFAULT_MAX_NEW_PER_DAY);
  const newCards = newCardPace(input, days);
  const replicates = replicatesFor(input, cards.length, newCap, options.budget ?? DEFAULT_BUDGET);
  const cardWeight =
    cards.length === 0 ? 0 : (input.introduced ?? input.cards.length) / cards.length / replicates;

  for (let replicate = 0; replicate < replicates; replicate += 1) {
    // Each card's stream is named by the replicate, and by its index or its day and place among
    // the day's new cards, so a shorter run draws the same numbers as the start of a longer one.
    const seed = options.seed + Math.imul(replicate, 0x632be5ab);
    for (const [i, card] of cards.entries()) {
      const day = Math.max(0, Math.floor(card.dueIn));
      const start = {
        state: { stability: card.stability, difficulty: card.difficulty },
        day,
        elapsed: Math.max(0, Math.round(card.sinceReview + day)),
        learning: card.learning,
      };
      followCard(run, start, cardWeight, streamFor(seed, i));
    }
    // New cards, day by day; a few simulated cards stand for each day's batch.
    for (const [day, introduced] of newCards.entries()) {
      if (introduced === 0) continue;
      const simulated = Math.min(introduced, newCap);
      const weight = introduced / simulated / replicates;
      for (let k = 0; k < simulated; k += 1) {
        count(run, day, weight);
        // Good through the learning steps; with no steps (or one), the first answer graduates it.
        const first = run.f.next_state(null, 0, Rating.Good);
        const learned = playSteps(run, run.learning.slice(1), first, day, weight);
        const random = streamFor(seed, cards.length + day * newCap + k);
        const interval = nextInterval(run, learned.state.stability, 0, random);
        const start = {
          state: learned.state,
          day: learned.day + interval,
          elapsed: interval,
          learning: false,
        };
        followCard(run, start, weight, random);
      }
    }
  }

  return { desiredRetention, reviews: Array.from(run.reviews), newCards };
}

/** Mean answers per day over the first `days` days of a projection. */
export function averagePerDay(projection: WorkloadProjection, days: number): number {
  const window = projection.reviews.slice(0, days);
  return window.length === 0 ? 0 : window.reduce((sum, n) => sum + n, 0) / window.length;
}
