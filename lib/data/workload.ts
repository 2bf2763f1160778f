import "server-only";
import { query } from "@/lib/query";
import { isStudyable, studyable } from "@/lib/query/card-marks";
import { studyDayStart } from "@/lib/srs";
import { deckLimits } from "@/lib/srs/deck-options";
import {
  type PresetNewCards,
  sampleWorkloadCards,
  toWorkloadCards,
  type WorkloadCard,
  type WorkloadInput,
} from "@/lib/srs/workload";
import { visibleDeck } from "./deck-access";
import { deckOptionsByDeck } from "./deck-presets";
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
 * A deck with a preset keeps its own retention and new-card pace (under the learner's all-decks
 * limit), as the review and the study queue do; the slider moves only the other decks' retention.
 */
export async function getWorkloadInput(userId: string, now: Date): Promise<WorkloadInput> {
  const settings = await loadLearnerSettings(query(), userId);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const [schedules, today, unseen, presets] = await Promise.all([
    introducedSchedules(userId),
    answeredToday(query(), userId, dayStart),
    // Unseen cards by home deck: a card's home deck's preset schedules it.
    query()
      .selectFrom("Card as c")
      .innerJoin("Deck as d", "d.slug", "c.deckSlug")
      .leftJoin("CardState as s", (join) => join.onRef("s.cardId", "=", "c.id").on("s.userId", "=", userId))
      .select((eb) => ["c.deckSlug", eb.fn.countAll<number>().as("n")])
      .where("c.retired", "=", false)
      .where("d.retired", "=", false)
      .where(visibleDeck("d", userId))
      .where((eb) => eb.or([eb("s.state", "is", null), eb("s.state", "=", "new")]))
      .where(studyable("s", now))
      .groupBy("c.deckSlug")
      .execute(),
    deckOptionsByDeck(userId),
  ]);
  // Suspended and buried cards are in no forecast, as in no queue.
  const cards = schedules
    .filter((entry) => isStudyable(entry, now))
    .flatMap((entry) => {
      const retention = presets.get(entry.deckSlug)?.desiredRetention;
      return toWorkloadCards([entry.schedule], dayStart).map((card) =>
        retention === undefined ? card : { ...card, retention },
      );
    });
  let newCards = 0;
  const presetNew: PresetNewCards[] = [];
  for (const row of unseen) {
    const options = presets.get(row.deckSlug);
    if (!options) {
      newCards += Number(row.n);
      continue;
    }
    const { newPerDay } = deckLimits(settings, options);
    const doneToday = today.introduced.byDeck[row.deckSlug] ?? 0;
    presetNew.push({
      newCards: Number(row.n),
      newPerDay,
      newToday: Math.max(0, newPerDay - doneToday),
      retention: options.desiredRetention,
    });
  }
  return {
    cards: sampleWorkloadCards(cards, SHIPPED_CARDS).map(
      (card): WorkloadCard => ({
        dueIn: round(card.dueIn, 3),
        sinceReview: round(card.sinceReview, 3),
        stability: round(card.stability, 3),
        difficulty: round(card.difficulty, 3),
        learning: card.learning,
        ...(card.retention === undefined ? {} : { retention: card.retention }),
      }),
    ),
    introduced: cards.length,
    newCards,
    newPerDay: settings.newPerDay,
    newToday: Math.max(0, settings.newPerDay - today.newIntroduced),
    ...(presetNew.length > 0 ? { presets: presetNew, newPerDayTotal: settings.newPerDayTotal } : {}),
    settings: {
      maximumInterval: settings.maximumInterval,
      enableFuzz: settings.enableFuzz,
      learningSteps: settings.learningSteps,
      relearningSteps: settings.relearningSteps,
      ...(settings.weights ? { weights: settings.weights } : {}),
    },
  };
}
