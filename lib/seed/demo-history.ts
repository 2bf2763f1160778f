import { seededRandom } from "../quiz/random";
import { newCardSchedule, rate, type SchedulerSettings } from "../srs/scheduler";
import type { CardSchedule, ReviewLogFields, ReviewRating } from "../srs/types";

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface DemoCardHistory {
  cardId: string;
  /** The schedule after the last answer, stored as the card's state. */
  schedule: CardSchedule;
  /** Every answer in order; answer n produced card version n + 1. */
  logs: (ReviewLogFields & { durationMs: number })[];
}

/**
 * A plausible study history for a demo client: card i is first studied `days - i` days before
 * `now` (in an evening session), then answered whenever lib/srs made it due, mostly Good with the
 * odd Again or Easy drawn from `seed`, until its next due date is in the future. Scheduled with
 * the learner's own settings and per-card fuzz key, so replaying the log gives the stored state.
 */
export function demoHistory(options: {
  cardIds: readonly string[];
  now: Date;
  days: number;
  seed: number;
  settings: SchedulerSettings;
  cardKey: (cardId: string) => string;
}): DemoCardHistory[] {
  const { cardIds, now, days, seed, settings, cardKey } = options;
  const random = seededRandom(seed);
  const end = now.getTime() - 30 * MINUTE;
  return cardIds.map((cardId, index) => {
    const firstDay = Math.floor(now.getTime() / DAY) * DAY - Math.max(1, days - index) * DAY;
    let at = firstDay + 18 * 60 * MINUTE + index * 2 * MINUTE;
    let schedule = newCardSchedule(new Date(at));
    const logs: DemoCardHistory["logs"] = [];
    while (at <= end && logs.length < 12) {
      const roll = random.int(0, 99);
      const rating: ReviewRating = roll < 12 ? 1 : roll < 20 ? 2 : roll < 90 ? 3 : 4;
      const rated = rate(schedule, rating, new Date(at), settings, cardKey(cardId));
      logs.push({ ...rated.log, durationMs: random.int(2_000, 12_000) });
      schedule = rated.next;
      at = Math.max(schedule.due.getTime(), at + MINUTE);
    }
    return { cardId, schedule, logs };
  });
}
