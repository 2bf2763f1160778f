import { type FSRS, type FSRSHistory, fsrs, StrategyMode } from "ts-fsrs";
import { fromFsrsCard, TO_FSRS_GRADE, toFsrsCard } from "./fsrs-card";
import type { ReplayedReview } from "./replay";
import { fsrsFor, type SchedulerSettings } from "./scheduler";
import type { CardSchedule } from "./types";

const DAY = 86_400_000;

/**
 * A scheduler like `fsrsFor(settings)` whose fuzz seed comes from `cardKey` itself: ts-fsrs
 * `reschedule` replays from a fresh empty card, which drops the seed field `rate` puts on the card.
 * The seed string is the one scheduler.ts's GenSeedStrategyWithCardId makes ("<cardKey>#<reps>");
 * reschedule.test.ts fails if the two ever differ.
 */
function seededFor(settings: SchedulerSettings, cardKey: string): FSRS {
  return fsrs({ ...fsrsFor(settings).parameters }).useStrategy(StrategyMode.SEED, function () {
    return `${cardKey}#${this.current.reps}`;
  });
}

/**
 * The card's schedule under `settings` (e.g. new FSRS parameters or another desired retention):
 * its whole review history replayed with ts-fsrs `reschedule`, or null when its due date stays.
 * Unchanged settings move nothing (same fuzz seed per card and repetition). The replayed card is
 * kept, not ts-fsrs's Manual record: that one would date the card's last review "now" and count an
 * extra repetition, and the learner did not review it.
 */
export function rescheduleCard(
  current: CardSchedule,
  history: readonly ReplayedReview[],
  settings: SchedulerSettings,
  cardKey: string,
  now: Date,
): CardSchedule | null {
  if (current.state === "new" || history.length === 0) return null;
  const reviews: FSRSHistory[] = history.map((review) => ({
    rating: TO_FSRS_GRADE[review.rating],
    review: new Date(review.reviewedAt.getTime()),
  }));
  const { collections, reschedule_item } = seededFor(settings, cardKey).reschedule(
    toFsrsCard(current),
    reviews,
    {
      now,
      update_memory_state: true,
      reviewsOrderBy: (a, b) => new Date(a.review).getTime() - new Date(b.review).getTime(),
    },
  );
  const replayed = collections.at(-1);
  return reschedule_item && replayed ? fromFsrsCard(replayed.card) : null;
}

export interface RescheduleMove {
  before: Date;
  after: Date;
}

export interface ReschedulePreview {
  /** Cards with a schedule (answered at least once). */
  cards: number;
  moved: number;
  earlier: number;
  later: number;
  /** Median of the signed change of the moved cards' due dates, in days (negative: earlier). */
  medianChangeDays: number | null;
}

/** How many cards a reschedule moves, and by how much. */
export function summarizeMoves(moves: readonly RescheduleMove[], cards: number): ReschedulePreview {
  const changes = moves.map((m) => (m.after.getTime() - m.before.getTime()) / DAY).sort((a, b) => a - b);
  const middle = Math.floor(changes.length / 2);
  const median =
    changes.length === 0
      ? null
      : changes.length % 2
        ? (changes[middle] as number)
        : ((changes[middle - 1] as number) + (changes[middle] as number)) / 2;
  return {
    cards,
    moved: changes.length,
    earlier: changes.filter((c) => c < 0).length,
    later: changes.filter((c) => c > 0).length,
    medianChangeDays: median,
  };
}
