import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { db } from "@/lib/db";
import type { StudyDayClock } from "@/lib/srs";
import { type TrainingOptions, type TrainingSet, trainingReadiness, trainingSet } from "@/lib/srs/training";
import { toLearnerSettings } from "../settings";
import { answeredCardIds, trainingLogs } from "../training-logs";
import { getEffectiveParameters } from "./effective";
import {
  type CollectedHistory,
  InsufficientHistoryError,
  type StartedJob,
  startOptimizationJob,
} from "./jobs";

const CARDS_PER_SLICE = 50;

/**
 * One learner's answers (on one deck's cards, if given) as a training set, read and built a slice
 * of cards at a time with a turn of the event loop in between: 10,000 answers are some 10 ms of
 * work on the server's thread, which would otherwise hold up every request arriving meanwhile.
 */
export async function collectTrainingSet(
  userId: string,
  clock: StudyDayClock,
  options: TrainingOptions,
  deckSlug?: string,
): Promise<TrainingSet> {
  const cards = await answeredCardIds(userId, deckSlug);
  const set: TrainingSet = { items: [], reviewCount: 0, cardCount: 0 };
  for (let start = 0; start < cards.length; start += CARDS_PER_SLICE) {
    await yieldToEventLoop();
    const logs = await trainingLogs(userId, cards.slice(start, start + CARDS_PER_SLICE));
    const slice = trainingSet(logs, clock, options);
    set.items.push(...slice.items);
    set.reviewCount += slice.reviewCount;
    set.cardCount += slice.cardCount;
  }
  return set;
}

export interface PersonalOptimizationOptions {
  /** Count quiz answers as reviews; by default, when quiz answers feed the learner's schedule. */
  includeQuiz?: boolean;
}

/**
 * Starts fitting the learner's own parameters. Fewer answers than MIN_TRAINING_REVIEWS is refused
 * at once (InsufficientHistoryError); the finer check, on the training items, runs in the job.
 */
export async function startPersonalOptimization(
  userId: string,
  options: PersonalOptimizationOptions,
  now: Date,
): Promise<StartedJob> {
  const reviewCount = await db.reviewLog.count({ where: { userId } });
  const readiness = trainingReadiness({ reviewCount, items: [] });
  if (!readiness.ready && readiness.reason === "few-reviews") {
    throw new InsufficientHistoryError(readiness.message, reviewCount);
  }
  const collect = async (): Promise<CollectedHistory> => {
    const [row, effective] = await Promise.all([
      db.studySettings.findUnique({ where: { userId } }),
      getEffectiveParameters(userId),
    ]);
    const settings = toLearnerSettings(row);
    const includeQuiz = options.includeQuiz ?? row?.quizFeedsSchedule ?? true;
    return {
      set: await collectTrainingSet(userId, settings, { includeQuiz }),
      currentWeights: effective.weights,
      numRelearningSteps: settings.relearningSteps.length,
    };
  };
  return startOptimizationJob({ ownerId: userId, scope: "personal", deckSlug: null }, collect, now);
}
