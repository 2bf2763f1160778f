import "server-only";
import { isStudyable, studyableSql } from "@/lib/sql/card-marks";
import { sql } from "@/lib/sql/client";
import { studyDayStart } from "@/lib/srs";
import {
  sampleWorkloadCards,
  toWorkloadCards,
  type WorkloadCard,
  type WorkloadInput,
} from "@/lib/srs/workload";
import { visibleDeckSql } from "./deck-access";
import { loadLearnerSettings } from "./schedule-rows";
import { introducedSchedules } from "./stats";
import { answeredToday } from "./study";

/** At most this many introduced cards go to the browser; a sample stands for a larger collection. */
const SHIPPED_CARDS = 1000;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * What the workload simulator needs for this learner, small enough to send to the settings page,
 * which reruns lib/srs/workload as the retention slider moves: their introduced cards (in days
 * from the start of today's study day), the new cards they can still be given, and their pace.
 */
export async function getWorkloadInput(userId: string, now: Date): Promise<WorkloadInput> {
  const db = sql();
  const settings = await loadLearnerSettings(db, userId);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const [schedules, today, unseen] = await Promise.all([
    introducedSchedules(userId),
    answeredToday(db, userId, dayStart),
    db.get<{ n: number | bigint }>(
      `SELECT COUNT(*) AS n FROM "Card" c JOIN "Deck" d ON d.slug = c.deckSlug
       LEFT JOIN "CardState" s ON s.cardId = c.id AND s.userId = ?
       WHERE c.retired = FALSE AND d.retired = FALSE AND ${visibleDeckSql("d")}
         AND (s.state IS NULL OR s.state = 'new') AND ${studyableSql("s")}`,
      [userId, userId, userId, now],
    ),
  ]);
  // Suspended and buried cards are in no forecast, as in no queue.
  const cards = toWorkloadCards(
    schedules.filter((entry) => isStudyable(entry, now)).map((entry) => entry.schedule),
    dayStart,
  );
  return {
    cards: sampleWorkloadCards(cards, SHIPPED_CARDS).map(
      (card): WorkloadCard => ({
        dueIn: round(card.dueIn, 3),
        sinceReview: round(card.sinceReview, 3),
        stability: round(card.stability, 3),
        difficulty: round(card.difficulty, 3),
        learning: card.learning,
      }),
    ),
    introduced: cards.length,
    newCards: Number(unseen?.n ?? 0),
    newPerDay: settings.newPerDay,
    newToday: Math.max(0, settings.newPerDay - today.newIntroduced),
    settings: {
      maximumInterval: settings.maximumInterval,
      enableFuzz: settings.enableFuzz,
      learningSteps: settings.learningSteps,
      relearningSteps: settings.relearningSteps,
      ...(settings.weights ? { weights: settings.weights } : {}),
    },
  };
}
