import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { parseWeights } from "@/lib/data/effective-weights";
import {
  collectTrainingSet,
  DEFAULT_WEIGHTS,
  InsufficientHistoryError,
  type JobView,
  type ParameterSetView,
  type StartedJob,
  startOptimizationJob,
  toSetView,
} from "@/lib/data/parameters";
import { toLearnerSettings } from "@/lib/data/settings";
import { answeredCardIds, trainingLogs } from "@/lib/data/training-logs";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { query } from "@/lib/query";
import { cardInDeck } from "@/lib/query/deck-membership";
import type { StudyDayClock } from "@/lib/srs/settings";
import { MIN_TRAINING_REVIEWS, type TrainingSet, trainingSet } from "@/lib/srs/training";
import { studyOnlyLogs } from "@/lib/trainer/study-only";
import { activeClientIds, requireClientAccess } from "./access";
import { sharedLog } from "./consent";

/**
 * Cohort parameters: one FSRS parameter set a trainer fits on their clients' review logs of one
 * deck they assigned, used by those clients until they have enough history of their own
 * (lib/data/parameters getEffectiveParameters).
 *
 * Whose logs count: clients linked to the trainer now, with the deck assigned by this trainer now
 * (requireClientAccess, the rule for everything a trainer sees), and only their answers on that
 * deck's cards. These are answers the trainer already sees on the deck-insight page, and the
 * invitation tells clients so; the fit shows the trainer 21 numbers about the group, never one
 * client's answers. Quiz answers count only for clients who share quiz answers with the trainer.
 */

export interface CohortMember {
  clientId: string;
  shareQuizAnswers: boolean;
}

/** The clients whose logs a cohort fit on this deck may use. */
export async function cohortMembers(trainerId: string, deckSlug: string): Promise<CohortMember[]> {
  const members: CohortMember[] = [];
  for (const clientId of await activeClientIds(trainerId)) {
    try {
      const access = await requireClientAccess(trainerId, clientId);
      if (access.deckSlugs.includes(deckSlug))
        members.push({ clientId, shareQuizAnswers: access.shareQuizAnswers });
    } catch (error) {
      // The link ended between the two reads: the client is no longer a member.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return members;
}

/** The members' answers on the deck that the trainer may see (./consent.ts): the count the page shows. */
async function visibleReviewCount(
  trainerId: string,
  members: readonly CohortMember[],
  deckSlug: string,
): Promise<number> {
  if (members.length === 0) return 0;
  const row = await query()
    .selectFrom("ReviewLog as l")
    .innerJoin("Card as c", "c.id", "l.cardId")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(cardInDeck("c.id", deckSlug))
    .where(
      "l.userId",
      "in",
      members.map((m) => m.clientId),
    )
    .where(sharedLog(trainerId, "l"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const CARDS_PER_SLICE = 50;

/**
 * A member's study answers on the deck as training items, for a client who does not share quiz
 * answers. Each card's first study answer is read as given to a new card, as it would have been
 * without quizzes: a card a quiz introduced would otherwise be left out (its history would not
 * start from "new"), and the fit's review and card counts would tell that a quiz happened.
 */
async function studyOnlyTrainingSet(
  clientId: string,
  clock: StudyDayClock,
  deckSlug: string,
): Promise<TrainingSet> {
  const cards = await answeredCardIds(clientId, deckSlug);
  const set: TrainingSet = { items: [], reviewCount: 0, cardCount: 0 };
  for (let start = 0; start < cards.length; start += CARDS_PER_SLICE) {
    await yieldToEventLoop();
    const logs = await trainingLogs(clientId, cards.slice(start, start + CARDS_PER_SLICE));
    const slice = trainingSet(studyOnlyLogs(logs), clock);
    set.items.push(...slice.items);
    set.reviewCount += slice.reviewCount;
    set.cardCount += slice.cardCount;
  }
  return set;
}

/** The members' answers on the deck as one training set, each client's days counted in their own time zone. */
async function cohortTrainingSet(members: readonly CohortMember[], deckSlug: string) {
  const settingsRows = await db.studySettings.findMany({
    where: { userId: { in: members.map((m) => m.clientId) } },
  });
  const settingsOf = new Map(settingsRows.map((row) => [row.userId, toLearnerSettings(row)]));
  const pooled: TrainingSet = { items: [], reviewCount: 0, cardCount: 0 };
  const relearningSteps = new Map<number, number>();
  for (const member of members) {
    const settings = settingsOf.get(member.clientId) ?? toLearnerSettings(null);
    const own = member.shareQuizAnswers
      ? await collectTrainingSet(member.clientId, settings, { includeQuiz: true }, deckSlug)
      : await studyOnlyTrainingSet(member.clientId, settings, deckSlug);
    pooled.items.push(...own.items);
    pooled.reviewCount += own.reviewCount;
    pooled.cardCount += own.cardCount;
    const steps = settings.relearningSteps.length;
    relearningSteps.set(steps, (relearningSteps.get(steps) ?? 0) + 1);
  }
  const usualSteps = [...relearningSteps].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
  return { set: pooled, numRelearningSteps: usualSteps };
}

const cohortWhere = (trainerId: string, deckSlug: string) => ({
  ownerId: trainerId,
  scope: "cohort",
  deckSlug,
});

/** The set the trainer's clients use for this deck now: the newest applied one not withdrawn. */
async function setInUse(trainerId: string, deckSlug: string) {
  return db.fsrsParameterSet.findFirst({
    where: { ...cohortWhere(trainerId, deckSlug), appliedAt: { not: null }, discardedAt: null },
    orderBy: [{ appliedAt: "desc" }, { version: "desc" }],
  });
}

/** Starts fitting one set on the members' logs of the deck; returns at once with the job id. */
export async function startCohortOptimization(
  trainerId: string,
  deckSlug: string,
  now: Date,
): Promise<StartedJob> {
  const members = await cohortMembers(trainerId, deckSlug);
  if (members.length === 0) {
    throw new NotFoundError("None of your current clients has this deck assigned by you.");
  }
  const reviewCount = await visibleReviewCount(trainerId, members, deckSlug);
  if (reviewCount < MIN_TRAINING_REVIEWS) {
    throw new InsufficientHistoryError(
      `Optimizing for your clients needs at least ${MIN_TRAINING_REVIEWS} reviews of this deck; they have ${reviewCount} so far. Until then they keep their current parameters.`,
      reviewCount,
    );
  }
  return startOptimizationJob(
    { ownerId: trainerId, scope: "cohort", deckSlug },
    async () => {
      // Read again inside the job: a client who left since the click is not counted.
      const current = await cohortMembers(trainerId, deckSlug);
      const [{ set, numRelearningSteps }, inUse] = await Promise.all([
        cohortTrainingSet(current, deckSlug),
        setInUse(trainerId, deckSlug),
      ]);
      return { set, numRelearningSteps, currentWeights: parseWeights(inUse?.weights) ?? DEFAULT_WEIGHTS };
    },
    now,
  );
}

export interface CohortOverview {
  deckSlug: string;
  /** Clients whose logs a fit would use, and how many of them share quiz answers. */
  clients: number;
  sharingClients: number;
  /** Their answers on this deck. */
  reviewCount: number;
  inUse: ParameterSetView | null;
  proposal: ParameterSetView | null;
  versions: ParameterSetView[];
  activeJob: Pick<JobView, "id" | "progress" | "status"> | null;
}

export async function getCohortOverview(
  trainerId: string,
  deckSlug: string,
  now: Date,
): Promise<CohortOverview> {
  const members = await cohortMembers(trainerId, deckSlug);
  const [reviewCount, sets, inUse, job] = await Promise.all([
    visibleReviewCount(trainerId, members, deckSlug),
    db.fsrsParameterSet.findMany({ where: cohortWhere(trainerId, deckSlug), orderBy: { version: "desc" } }),
    setInUse(trainerId, deckSlug),
    db.optimizationJob.findFirst({
      where: { userId: trainerId, scope: "cohort", deckSlug, status: { in: ["queued", "running"] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, progress: true, status: true, updatedAt: true },
    }),
  ]);
  const versions = sets.map(toSetView);
  const fresh = job && now.getTime() - job.updatedAt.getTime() < 2 * 60_000;
  return {
    deckSlug,
    clients: members.length,
    sharingClients: members.filter((m) => m.shareQuizAnswers).length,
    reviewCount,
    inUse: inUse ? toSetView(inUse) : null,
    proposal: versions.find((v) => !v.appliedAt && !v.discardedAt) ?? null,
    versions,
    activeJob:
      job && fresh ? { id: job.id, progress: job.progress, status: job.status as JobView["status"] } : null,
  };
}

async function ownCohortSet(trainerId: string, setId: string) {
  const set = await db.fsrsParameterSet.findFirst({
    where: { id: setId, ownerId: trainerId, scope: "cohort" },
  });
  if (!set?.deckSlug) throw new NotFoundError("There is no such parameter set.");
  return { ...set, deckSlug: set.deckSlug };
}

/** The trainer's clients with too little history of their own are scheduled with this set from now on. */
export async function applyCohortSet(
  trainerId: string,
  setId: string,
  now: Date,
): Promise<{ deckSlug: string }> {
  const set = await ownCohortSet(trainerId, setId);
  if (set.discardedAt)
    throw new ConflictError("This parameter set was discarded; optimize again for a new one.");
  await db.fsrsParameterSet.update({ where: { id: set.id }, data: { appliedAt: now } });
  return { deckSlug: set.deckSlug };
}

/** Discards a proposal, or withdraws a set in use (clients go back to an earlier set or the defaults). */
export async function discardCohortSet(
  trainerId: string,
  setId: string,
  now: Date,
): Promise<{ deckSlug: string }> {
  const set = await ownCohortSet(trainerId, setId);
  await db.fsrsParameterSet.updateMany({
    where: { id: set.id, discardedAt: null },
    data: { discardedAt: now },
  });
  return { deckSlug: set.deckSlug };
}
