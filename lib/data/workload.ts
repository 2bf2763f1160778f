import "server-only";
import { query } from "@/lib/query";
import { isStudyable, studyable } from "@/lib/query/card-marks";
import { studyDayStart } from "@/lib/srs";
import {
  sampleWorkloadCards,
  toWorkloadCards,
  type WorkloadCard,
  type WorkloadInput,
} from "@/lib/srs/workload";
import { visibleDeck } from "./deck-access";
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
  const settings = await loadLearnerSettings(query(), userId);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const [schedules, today, unseen] = await Promise.all([
    introducedSchedules(userId),
    answeredToday(query(), userId, dayStart),
    query()
      .selectFrom("Card as c")
      .innerJoin("Deck as d", "d.slug", "c.deckSlug")
      .leftJoin("CardState as s", (join) => join.onRef("s.cardId", "=", "c.id").on("s.userId", "=", userId))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("c.retired", "=", false)
      .where("d.retired", "=", false)
      .where(visibleDeck("d", userId))
      .where((eb) => eb.or([eb("s.state", "is", null), eb("s.state", "=", "new")]))
      .where(studyable("s", now))
      .executeTakeFirst(),
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
