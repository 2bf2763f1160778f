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
  /** The desired retention of the card's home deck's preset; absent: the run's (the learner's). */
  retention?: number;
}

/** Unseen cards of decks with a preset: introduced at the preset's pace, kept at its retention. */
export interface PresetNewCards {
  newCards: number;
  /** The preset's new cards a day (already under the learner's all-decks limit). */
  newPerDay: number;
  /** New cards still allowed in these decks today; defaults to newPerDay. */
  newToday?: number;
  retention: number;
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
  /** Decks with their own preset (new cards a day, retention); `newCards` above are the others'. */
  presets?: readonly PresetNewCards[];
  /** The learner's new cards a day over all decks: a ceiling on the sum of every deck's pace. */
  newPerDayTotal?: number;
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
  /** The scheduler at a retention (a preset deck's own, or the run's): one instance per retention. */
  at: (retention: number | undefined) => FSRS;
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
function playSteps(
  run: Run,
  f: FSRS,
  steps: readonly number[],
  state: FSRSState,
  day: number,
  weight: number,
) {
  let minutes = 0;
  let current = state;
  let lastDay = day;
  for (const step of steps) {
    minutes += step;
    const stepDay = day + Math.floor(minutes / MINUTES_PER_DAY);
    count(run, stepDay, weight);
    current = f.next_state(current, stepDay - lastDay, Rating.Good);
    lastDay = stepDay;
  }
  return { state: current, day: lastDay };
}

/** The next interval in days: ts-fsrs's, and with fuzz a draw from its fuzz range (as `apply_fuzz` does). */
function nextInterval(run: Run, f: FSRS, stability: number, elapsed: number, random: () => number): number {
  const interval = f.next_interval(stability, elapsed);
  if (!run.fuzz || interval < 2.5) return interval;
  const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsed, run.maximumInterval);
  return Math.floor(random() * (max_ivl - min_ivl + 1) + min_ivl);
}

/** Follows one card from its next review to the horizon, adding `weight` per answer. */
function followCard(
  run: Run,
  f: FSRS,
  start: { state: FSRSState; day: number; elapsed: number; learning: boolean },
  weight: number,
  random: () => number,
) {
  let { state, day, elapsed, learning } = start;
  while (day < run.days) {
    count(run, day, weight);
    const recall = f.forgetting_curve(elapsed, state.stability);
    if (learning) {
      state = f.next_state(state, elapsed, Rating.Good, recall);
      learning = false;
    } else if (random() < recall) {
      state = f.next_state(state, elapsed, Rating.Good, recall);
    } else {
      const relearned = playSteps(
        run,
        f,
        run.relearning,
        f.next_state(state, elapsed, Rating.Again, recall),
        day,
        weight,
      );
      state = relearned.state;
      day = relearned.day;
    }
    elapsed = nextInterval(run, f, state.stability, elapsed, random);
    day += elapsed;
  }
}

interface NewCardGroup {
  newCards: number;
  newPerDay: number;
  newToday?: number;
  retention?: number;
}

/** Decks without a preset first (at the run's retention), then each preset's decks. */
const newCardGroups = (input: WorkloadInput): NewCardGroup[] => [
  { newCards: input.newCards, newPerDay: input.newPerDay, newToday: input.newToday },
  ...(input.presets ?? []),
];

/**
 * New cards introduced on each day, per group: each at its own `newPerDay` (today what is left of
 * it) until none are left, and all of them together never above `newPerDayTotal` (filled in the
 * groups' order, as the study queue fills the decks in order).
 */
function newCardPace(input: WorkloadInput, days: number): number[][] {
  const groups = newCardGroups(input);
  const left = groups.map((group) => Math.max(0, Math.floor(group.newCards)));
  const total =
    input.newPerDayTotal === undefined ? Number.POSITIVE_INFINITY : Math.max(0, input.newPerDayTotal);
  return Array.from({ length: days }, (_, day) => {
    let room = total;
    return groups.map((group, g) => {
      const perDay = Math.max(0, Math.floor(group.newPerDay));
      const limit = day === 0 ? Math.min(perDay, Math.max(0, Math.floor(group.newToday ?? perDay))) : perDay;
      const introduced = Math.min(limit, left[g] ?? 0, room);
      left[g] = (left[g] ?? 0) - introduced;
      room -= introduced;
      return introduced;
    });
  });
}

/**
 * How many times to run the draw and average: a small collection gets several runs (one run of a
 * few cards is mostly luck), a large one a single run; the total work stays about `budget` cards.
 * It depends on the input only, not on the number of days, so a shorter run is the start of a longer one.
 */
function replicatesFor(input: WorkloadInput, sampled: number, newCap: number, budget: number): number {
  let newStreams = 0;
  for (const group of newCardGroups(input)) {
    const perDay = Math.max(0, Math.floor(group.newPerDay));
    const newCards = Math.max(0, Math.floor(group.newCards));
    if (perDay > 0) newStreams += Math.min(newCards, Math.ceil(newCards / perDay) * Math.min(perDay, newCap));
  }
  return Math.max(1, Math.min(MAX_REPLICATES, Math.floor(budget / Math.max(1, sampled + newStreams))));
}

/** Simulates one desired retention. */
export function simulateWorkload(
  input: WorkloadInput,
  desiredRetention: number,
  options: WorkloadOptions,
): WorkloadProjection {
  const days = Math.max(0, Math.floor(options.days));
  const schedulers = new Map<number, FSRS>();
  const at = (retention: number | undefined) => {
    const r = retention ?? desiredRetention;
    let f = schedulers.get(r);
    if (!f) {
      f = fsrsFor({ ...input.settings, desiredRetention: r, enableFuzz: false });
      schedulers.set(r, f);
    }
    return f;
  };
  const run: Run = {
    at,
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
  const pace = newCardPace(input, days);
  const groups = newCardGroups(input);
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
      followCard(run, run.at(card.retention), start, cardWeight, streamFor(seed, i));
    }
    // New cards, day by day and group by group; a few simulated cards stand for each day's batch.
    for (const [day, batches] of pace.entries()) {
      for (const [g, introduced] of batches.entries()) {
        if (introduced === 0) continue;
        const f = run.at(groups[g]?.retention);
        const simulated = Math.min(introduced, newCap);
        const weight = introduced / simulated / replicates;
        for (let k = 0; k < simulated; k += 1) {
          count(run, day, weight);
          // Good through the learning steps; with no steps (or one), the first answer graduates it.
          const first = f.next_state(null, 0, Rating.Good);
          const learned = playSteps(run, f, run.learning.slice(1), first, day, weight);
          // Group 0 keeps the streams it always had (a learner without presets sees the same luck).
          const random = streamFor(seed, cards.length + (day * groups.length + g) * newCap + k);
          const interval = nextInterval(run, f, learned.state.stability, 0, random);
          const start = {
            state: learned.state,
            day: learned.day + interval,
            elapsed: interval,
            learning: false,
          };
          followCard(run, f, start, weight, random);
        }
      }
    }
  }

  const newCards = pace.map((batches) => batches.reduce((sum, n) => sum + n, 0));
  return { desiredRetention, reviews: Array.from(run.reviews), newCards };
}

/** Mean answers per day over the first `days` days of a projection. */
export function averagePerDay(projection: WorkloadProjection, days: number): number {
  const window = projection.reviews.slice(0, days);
  return window.length === 0 ? 0 : window.reduce((sum, n) => sum + n, 0) / window.length;
}
