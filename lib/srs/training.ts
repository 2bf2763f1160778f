import type { StudyDayClock } from "./settings";
import { studyDayKey } from "./study-day";
import type { ReviewRating, SrsState } from "./types";

/** One stored answer, as the optimizer needs it. */
export interface TrainingLog {
  cardId: string;
  rating: ReviewRating;
  reviewedAt: Date;
  /** "quiz": a quiz answer that fed the schedule (Again when wrong, Good when right). */
  origin: "study" | "quiz";
  stateBefore: SrsState;
}

/** One review in an FSRS training item: its rating and whole study days since the card's previous review. */
export interface TrainingReview {
  rating: ReviewRating;
  deltaT: number;
}

/**
 * An FSRS training item (fsrs-rs `FSRSItem`): a card's reviews up to and including the one to
 * predict, in review order. The first review's `deltaT` is 0.
 */
export type TrainingItem = readonly TrainingReview[];

export interface TrainingSet {
  items: TrainingItem[];
  /** Reviews in the card histories the items come from (the figure shown to the learner). */
  reviewCount: number;
  cardCount: number;
}

export interface TrainingOptions {
  /**
   * Quiz answers are real recall events and they moved the card's schedule, so they are included
   * by default; leaving them out also leaves out cards whose first answer was a quiz answer.
   */
  includeQuiz?: boolean;
}

/**
 * Below these, a fit is mostly noise: Anki's FSRS asks for about 400 reviews, and fsrs-rs needs
 * items that predict a review on a later day (a card reviewed more than once, on different days).
 */
export const MIN_TRAINING_REVIEWS = 400;
export const MIN_TRAINING_ITEMS = 100;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

// Intl formatters are costly to build; one per time zone, as in study-day.ts.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant, in ms ("GMT+01:00" from Intl), or null if unreadable. */
function offsetReader(timeZone: string): (instant: number) => number | null {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormats.set(timeZone, format);
  }
  const zoneFormat = format;
  return (instant) => {
    const name = zoneFormat.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "";
    const match = OFFSET.exec(name);
    if (!match) return null;
    const [, sign, hours = "0", minutes = "0", seconds = "0"] = match;
    const size = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000;
    return sign === "-" ? -size : size;
  };
}

/**
 * Study day numbers (days since 1970-01-01 of lib/srs/study-day's key) for many instants, cheaply:
 * a zone's offset changes a few times a year and never twice within a week, so when it is the
 * same at both ends of a UTC week it holds all week, and the study day follows by arithmetic.
 * Weeks with a change (and zones Intl cannot name an offset for) ask studyDayKey per instant.
 * training.test.ts checks the two agree across zones, DST and rollover hours.
 */
// Per zone and UTC week: the offset all week, or null for a week with a change. Kept between calls
// (the data layer builds a training set in slices); a cap keeps it small.
const weekOffsets = new Map<string, Map<number, number | null>>();
const WEEK_CACHE_LIMIT = 100_000;

function studyDayCounter(clock: StudyDayClock): (date: Date) => number {
  const offsetAt = offsetReader(clock.timeZone);
  const cached = weekOffsets.get(clock.timeZone);
  const weeks = cached && cached.size < WEEK_CACHE_LIMIT ? cached : new Map<number, number | null>();
  weekOffsets.set(clock.timeZone, weeks);
  const rollover = clock.dayRolloverHour * HOUR;
  return (date) => {
    const instant = date.getTime();
    const week = Math.floor(instant / WEEK);
    let offset = weeks.get(week);
    if (offset === undefined) {
      const start = offsetAt(week * WEEK);
      offset = start !== null && start === offsetAt((week + 1) * WEEK) ? start : null;
      weeks.set(week, offset);
    }
    if (offset !== null) return Math.floor((instant + offset - rollover) / DAY);
    return Date.parse(`${studyDayKey(date, clock.timeZone, clock.dayRolloverHour)}T00:00:00Z`) / DAY;
  };
}

/**
 * The learner's answers as FSRS training items, the way Anki builds them: per card in review
 * order, `deltaT` counted in whole study days (the learner's time zone and rollover hour, so a
 * 23:00 and a 01:00 review are the same day when the day starts at 04:00), and one item for each
 * review on a later study day than the card's previous review (FSRS predicts recall across days;
 * same-day reviews stay in the items' histories, and the binding's evaluation refuses items that
 * end on one). A card's history starts at its last answer from the "new" state; a card whose first
 * kept answer is not from "new" is left out (its beginning is missing).
 */
export function trainingSet(
  logs: readonly TrainingLog[],
  clock: StudyDayClock,
  { includeQuiz = true }: TrainingOptions = {},
): TrainingSet {
  const byCard = new Map<string, TrainingLog[]>();
  for (const log of logs) {
    if (!includeQuiz && log.origin === "quiz") continue;
    const list = byCard.get(log.cardId);
    if (list) list.push(log);
    else byCard.set(log.cardId, [log]);
  }
  const dayOf = studyDayCounter(clock);
  const items: TrainingItem[] = [];
  let reviewCount = 0;
  let cardCount = 0;
  for (const list of byCard.values()) {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    const start = list.findLastIndex((log) => log.stateBefore === "new");
    if (start < 0) continue;
    const history = list.slice(start);
    const reviews: TrainingReview[] = [];
    let previousDay = 0;
    for (const log of history) {
      const day = dayOf(log.reviewedAt);
      const deltaT = reviews.length === 0 ? 0 : Math.max(0, day - previousDay);
      previousDay = day;
      reviews.push({ rating: log.rating, deltaT });
      if (deltaT > 0) items.push(reviews.slice());
    }
    reviewCount += reviews.length;
    cardCount += 1;
  }
  return { items, reviewCount, cardCount };
}

export type TrainingReadiness =
  | { ready: true }
  | { ready: false; reason: "few-reviews" | "few-repeats"; message: string };

/** Whether a training set is large enough to fit parameters on, and if not, why, in the learner's words. */
export function trainingReadiness(set: Pick<TrainingSet, "items" | "reviewCount">): TrainingReadiness {
  if (set.reviewCount < MIN_TRAINING_REVIEWS) {
    return {
      ready: false,
      reason: "few-reviews",
      message: `Optimizing needs at least ${MIN_TRAINING_REVIEWS} reviews; there are ${set.reviewCount} so far. Until then the current parameters stay, and they suit most people well.`,
    };
  }
  if (set.items.length < MIN_TRAINING_ITEMS) {
    return {
      ready: false,
      reason: "few-repeats",
      message: `Optimizing needs at least ${MIN_TRAINING_ITEMS} reviews of cards seen on an earlier day; there are ${set.items.length} so far. Keep reviewing the cards you have started; the current parameters stay until then.`,
    };
  }
  return { ready: true };
}
