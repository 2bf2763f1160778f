import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { default_w } from "ts-fsrs";
import { db } from "@/lib/db";
import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import type { FsrsParameterSet, OptimizationJob } from "@/lib/generated/prisma/client";
import { type Fit, runOptimizer } from "@/lib/optimizer/run-optimizer";
import { query, type Tx, transaction } from "@/lib/query";
import type { LearnerSettings, StudyDayClock } from "@/lib/srs";
import { type ReschedulePreview, rescheduleCard, summarizeMoves } from "@/lib/srs/reschedule";
import {
  MIN_TRAINING_REVIEWS,
  type TrainingOptions,
  type TrainingSet,
  trainingReadiness,
  trainingSet,
} from "@/lib/srs/training";
import type { CardSchedule, ReviewRating, SrsState } from "@/lib/srs/types";
import { effectiveSetId, parseWeights } from "./effective-weights";
import { cardKey } from "./reviews";
import { toLearnerSettings } from "./settings";
import { answeredCardIds, trainingLogs } from "./training-logs";

/**
 * Personal FSRS parameters: optimization jobs off the request path, proposed sets the learner
 * applies or discards, versions, and the weights each learner is scheduled with. Cohort sets
 * (a trainer's, fitted on their clients' logs of one deck) are in lib/data/trainer/cohort-parameters.
 */

export type ParameterScope = "personal" | "cohort";

export interface ParameterSetView {
  id: string;
  scope: ParameterScope;
  deckSlug: string | null;
  version: number;
  reviewCount: number;
  cardCount: number;
  /** The parameters in use when it was fitted, and these, on the same reviews; lower is better. */
  before: Fit | null;
  after: Fit | null;
  createdAt: Date;
  appliedAt: Date | null;
  discardedAt: Date | null;
}

export interface EffectiveParameters {
  source: "personal" | "cohort" | "default";
  weights: number[];
  /** The set in use (null for the defaults); for a cohort set, whose and for which deck. */
  set: (ParameterSetView & { trainerName?: string; deckTitle?: string }) | null;
}

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface JobView {
  id: string;
  scope: ParameterScope;
  deckSlug: string | null;
  status: JobStatus;
  /** 0–1 */
  progress: number;
  reviewCount: number | null;
  parameterSetId: string | null;
  /** Why it failed, in words safe to show (too little history, for one). */
  error: string | null;
}

/** Too little history to fit on: a 422 with the counts, and nothing changes. */
export class InsufficientHistoryError extends AppError {
  constructor(message: string, reviewCount: number) {
    super(message, 422);
    this.details = { reason: "insufficient-history", reviewCount, needed: MIN_TRAINING_REVIEWS };
  }
}

type SetRow = FsrsParameterSet;

const fitOf = (logLoss: number | null, rmse: number | null): Fit | null =>
  logLoss === null || rmse === null ? null : { logLoss, rmse };

export function toSetView(row: SetRow): ParameterSetView {
  return {
    id: row.id,
    scope: row.scope === "cohort" ? "cohort" : "personal",
    deckSlug: row.deckSlug,
    version: row.version,
    reviewCount: row.reviewCount,
    cardCount: row.cardCount,
    before: fitOf(row.logLossBefore, row.rmseBefore),
    after: fitOf(row.logLossAfter, row.rmseAfter),
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
    discardedAt: row.discardedAt,
  };
}

/** ts-fsrs's FSRS-6 defaults (the binding's are the same 21 numbers). */
export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([...default_w]);

// ------------------------------------------------------------------------------------------------
// Effective parameters

/**
 * The weights the learner is scheduled with: their own applied set; else, while they have fewer
 * than MIN_TRAINING_REVIEWS answers, the newest cohort set a trainer they are linked to applied for
 * a deck that trainer assigned them; else the defaults. `ownSetId` asks "what if their own set
 * were this one" (null: none), for previews. The choice is made by effectiveSetId
 * (effective-weights.ts), the statement the review path embeds: the rule is written once.
 */
export async function getEffectiveParameters(
  userId: string,
  ownSetId?: string | null,
): Promise<EffectiveParameters> {
  // Which set: the one rule, in SQL (lib/data/effective-weights.ts), as the review path reads it.
  const chosen = await query().selectNoFrom(effectiveSetId(userId, ownSetId).as("id")).executeTakeFirst();
  const set = chosen?.id
    ? await db.fsrsParameterSet.findUnique({
        where: { id: chosen.id },
        include: { owner: { select: { name: true } }, deck: { select: { title: true } } },
      })
    : null;
  const weights = parseWeights(set?.weights);
  if (set && weights && set.scope === "personal") return { source: "personal", weights, set: toSetView(set) };
  if (set && weights) {
    return {
      source: "cohort",
      weights,
      set: { ...toSetView(set), trainerName: set.owner.name, deckTitle: set.deck?.title },
    };
  }
  return { source: "default", weights: [...DEFAULT_WEIGHTS], set: null };
}

// ------------------------------------------------------------------------------------------------
// Optimization jobs

/** A queued or running job not heard from for this long died with its process. */
const STALE_AFTER_MS = 2 * 60_000;
const FAILED = "The optimizer could not finish. Your parameters are unchanged; please try again.";

export interface OptimizationTarget {
  ownerId: string;
  scope: ParameterScope;
  deckSlug: string | null;
}

/** What a job fits on: built inside the job, off the request path. */
export interface CollectedHistory {
  set: TrainingSet;
  /** The weights in use now, for the "before" fit. */
  currentWeights: readonly number[];
  numRelearningSteps: number;
}

export interface StartedJob {
  jobId: string;
  /** Settles when the job is done or failed (tests and benches wait on it; requests do not). */
  finished: Promise<void>;
}

// Jobs this process runs, so a second start of the same job can wait on the first.
const running = new Map<string, Promise<void>>();

function toJobView(row: OptimizationJob, now: Date): JobView {
  const unfinished = row.status === "queued" || row.status === "running";
  const stale =
    unfinished && now.getTime() - row.updatedAt.getTime() > STALE_AFTER_MS && !running.has(row.id);
  return {
    id: row.id,
    scope: row.scope === "cohort" ? "cohort" : "personal",
    deckSlug: row.deckSlug,
    status: stale ? "failed" : (row.status as JobStatus),
    progress: row.progress,
    reviewCount: row.reviewCount,
    parameterSetId: row.parameterSetId,
    error: stale ? FAILED : row.error,
  };
}

/**
 * Starts fitting parameters for `target` and returns at once with the job id; an unfinished job
 * for the same target is returned instead of starting a second one. Progress and the outcome are
 * stored on the OptimizationJob row, so any app instance can report them.
 */
export async function startOptimizationJob(
  target: OptimizationTarget,
  collect: () => Promise<CollectedHistory>,
  now: Date,
): Promise<StartedJob> {
  const where = { userId: target.ownerId, scope: target.scope, deckSlug: target.deckSlug };
  const active = await db.optimizationJob.findFirst({
    where: { ...where, status: { in: ["queued", "running"] } },
    orderBy: { createdAt: "desc" },
  });
  if (active && toJobView(active, now).status !== "failed") {
    return { jobId: active.id, finished: running.get(active.id) ?? Promise.resolve() };
  }
  if (active) {
    await db.optimizationJob.updateMany({
      where: {
        ...where,
        status: { in: ["queued", "running"] },
        updatedAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) },
      },
      data: { status: "failed", error: FAILED },
    });
  }
  const job = await db.optimizationJob.create({ data: { ...where, status: "queued", progress: 0 } });
  const finished = runJob(job.id, target, collect).finally(() => running.delete(job.id));
  running.set(job.id, finished);
  return { jobId: job.id, finished };
}

/**
 * Writes progress at most every 250 ms, one write at a time; the row's updatedAt is the heartbeat.
 * Few writes on purpose: with synchronous=FULL each SQLite commit waits for the disk, so a short
 * fit writes nothing between "queued" and "done".
 */
function progressWriter(jobId: string) {
  let last = Date.now();
  let pending: Promise<unknown> = Promise.resolve();
  return {
    report(progress: number) {
      const at = Date.now();
      if (at - last < 250) return;
      last = at;
      pending = pending
        .then(() =>
          db.optimizationJob.update({ where: { id: jobId }, data: { status: "running", progress } }),
        )
        .catch((error) => console.error("[parameters] progress write failed", error));
    },
    settled: () => pending,
  };
}

async function runJob(
  jobId: string,
  target: OptimizationTarget,
  collect: () => Promise<CollectedHistory>,
): Promise<void> {
  // The SQLite driver answers synchronously, so a run of awaited queries never lets the event
  // loop turn: the job yields between its steps, and first of all lets its request answer.
  try {
    await yieldToEventLoop();
    const history = await collect();
    await yieldToEventLoop();
    const readiness = trainingReadiness(history.set);
    if (!readiness.ready) {
      await db.optimizationJob.update({
        where: { id: jobId },
        data: { status: "failed", reviewCount: history.set.reviewCount, error: readiness.message },
      });
      return;
    }
    const progress = progressWriter(jobId);
    const result = await runOptimizer({
      items: history.set.items,
      currentWeights: history.currentWeights,
      numRelearningSteps: history.numRelearningSteps,
      onProgress: (fraction) => progress.report(0.1 + 0.85 * fraction),
    });
    await progress.settled();
    await yieldToEventLoop();
    await storeResult(jobId, target, history.set, result);
  } catch (error) {
    const message = error instanceof AppError ? error.message : FAILED;
    if (!(error instanceof AppError)) console.error("[parameters] optimization failed", error);
    await db.optimizationJob
      .update({ where: { id: jobId }, data: { status: "failed", error: message } })
      .catch((write) => console.error("[parameters] could not record the failure", write));
  }
}

/**
 * Stores a fitted set as the owner's next version, not applied, and ends the job, in one
 * transaction. An older proposal for the same target that was neither applied nor discarded is
 * discarded: one proposal waits at a time.
 */
async function storeResult(
  jobId: string,
  target: OptimizationTarget,
  set: TrainingSet,
  result: { weights: number[]; before: Fit; after: Fit },
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const latest = await db.fsrsParameterSet.findFirst({
      where: { ownerId: target.ownerId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    await yieldToEventLoop();
    const id = crypto.randomUUID();
    try {
      // A batch transaction whose first statement writes: SQLite takes the write lock up front.
      await db.$transaction([
        db.fsrsParameterSet.updateMany({ where: pendingWhere(target), data: { discardedAt: new Date() } }),
        db.fsrsParameterSet.create({
          data: {
            id,
            ownerId: target.ownerId,
            scope: target.scope,
            deckSlug: target.deckSlug,
            version: (latest?.version ?? 0) + 1,
            weights: JSON.stringify(result.weights),
            reviewCount: set.reviewCount,
            cardCount: set.cardCount,
            logLossBefore: result.before.logLoss,
            rmseBefore: result.before.rmse,
            logLossAfter: result.after.logLoss,
            rmseAfter: result.after.rmse,
          },
        }),
        db.optimizationJob.update({
          where: { id: jobId },
          data: { status: "done", progress: 1, reviewCount: set.reviewCount, parameterSetId: id },
        }),
      ]);
      return;
    } catch (error) {
      // Two fits finishing together can pick the same version number; the unique index says which.
      if (attempt < 2 && (error as { code?: string }).code === "P2002") continue;
      throw error;
    }
  }
}

const pendingWhere = (target: OptimizationTarget) => ({
  ownerId: target.ownerId,
  scope: target.scope,
  deckSlug: target.deckSlug,
  appliedAt: null,
  discardedAt: null,
});

/** A job of the acting user; anyone else's is "not found". */
export async function getOptimizationJob(userId: string, jobId: string, now: Date): Promise<JobView> {
  const job = await db.optimizationJob.findFirst({ where: { id: jobId, userId } });
  if (!job) throw new NotFoundError("There is no such optimization.");
  return toJobView(job, now);
}

/** Waits for a job this process runs (tests and benches). */
export function jobFinished(jobId: string): Promise<void> {
  return running.get(jobId) ?? Promise.resolve();
}

// ------------------------------------------------------------------------------------------------
// Personal optimization

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

// ------------------------------------------------------------------------------------------------
// Versions, apply, discard

export interface ParameterOverview {
  effective: EffectiveParameters;
  /** The newest fitted set waiting for the learner's decision. */
  proposal: ParameterSetView | null;
  /** Every personal set, newest first. */
  versions: ParameterSetView[];
  /** An unfinished job, to resume its progress bar after a reload. */
  activeJob: JobView | null;
  /** All the learner's answers, and whether quiz answers are counted by default. */
  reviewCount: number;
  includeQuizByDefault: boolean;
}

export async function getParameterOverview(userId: string, now: Date): Promise<ParameterOverview> {
  const [effective, sets, job, reviewCount, settings] = await Promise.all([
    getEffectiveParameters(userId),
    db.fsrsParameterSet.findMany({
      where: { ownerId: userId, scope: "personal" },
      orderBy: { version: "desc" },
    }),
    db.optimizationJob.findFirst({
      where: { userId, scope: "personal", status: { in: ["queued", "running"] } },
      orderBy: { createdAt: "desc" },
    }),
    db.reviewLog.count({ where: { userId } }),
    db.studySettings.findUnique({ where: { userId }, select: { quizFeedsSchedule: true } }),
  ]);
  const versions = sets.map(toSetView);
  const activeJob = job ? toJobView(job, now) : null;
  return {
    effective,
    proposal: versions.find((v) => !v.appliedAt && !v.discardedAt) ?? null,
    versions,
    activeJob: activeJob && activeJob.status !== "failed" ? activeJob : null,
    reviewCount,
    includeQuizByDefault: settings?.quizFeedsSchedule ?? true,
  };
}

async function ownPersonalSet(userId: string, setId: string): Promise<SetRow> {
  const set = await db.fsrsParameterSet.findFirst({
    where: { id: setId, ownerId: userId, scope: "personal" },
  });
  if (!set) throw new NotFoundError("There is no such parameter set.");
  return set;
}

export interface SwitchResult {
  /** Cards whose schedule the switch rewrote (0 without rescheduling). */
  rescheduled: number;
  /** Cards answered while the reschedule was being computed, left as they were. */
  skipped: number;
}

/**
 * Makes `setId` the learner's parameters (null: back to the defaults, or to a trainer's cohort set
 * while they have too little history). With `reschedule`, their cards move to where the new
 * parameters put them, in the same transaction.
 */
export async function switchParameterSet(
  userId: string,
  setId: string | null,
  { reschedule }: { reschedule: boolean },
  now: Date,
): Promise<SwitchResult> {
  const set = setId ? await ownPersonalSet(userId, setId) : null;
  if (set?.discardedAt)
    throw new ConflictError("You discarded this parameter set; optimize again for a new one.");
  const plan = reschedule ? await planReschedule(userId, now, setId) : null;
  return transaction(async (tx) => {
    await tx
      .insertInto("StudySettings")
      .values({ userId, parameterSetId: setId })
      .onConflict((conflict) => conflict.column("userId").doUpdateSet({ parameterSetId: setId }))
      .execute();
    if (set)
      await tx.updateTable("FsrsParameterSet").set({ appliedAt: now }).where("id", "=", set.id).execute();
    return writeCards(tx, userId, plan);
  });
}

/** Sets a proposal aside; the parameters in use cannot be discarded (switch first). */
export async function discardParameterSet(userId: string, setId: string, now: Date): Promise<void> {
  const set = await ownPersonalSet(userId, setId);
  const settings = await db.studySettings.findUnique({ where: { userId }, select: { parameterSetId: true } });
  if (settings?.parameterSetId === set.id) {
    throw new ConflictError(
      "These parameters are in use. Switch to other parameters before discarding them.",
    );
  }
  await db.fsrsParameterSet.updateMany({
    where: { id: set.id, discardedAt: null },
    data: { discardedAt: now },
  });
}

// ------------------------------------------------------------------------------------------------
// Rescheduling

interface CardChange {
  cardId: string;
  version: number;
  before: CardSchedule;
  after: CardSchedule;
}

interface ReschedulePlan {
  cards: number;
  changes: CardChange[];
}

/**
 * Every answered card of the learner replayed under their settings and the weights they would
 * have (`ownSetId` as for getEffectiveParameters; undefined: as they are now). Yields to the event
 * loop every few hundred cards, so other requests are not held up by a large collection.
 */
async function planReschedule(userId: string, now: Date, ownSetId?: string | null): Promise<ReschedulePlan> {
  const [row, effective, states, logs] = await Promise.all([
    db.studySettings.findUnique({ where: { userId } }),
    getEffectiveParameters(userId, ownSetId),
    db.cardState.findMany({ where: { userId, state: { not: "new" } } }),
    db.reviewLog.findMany({
      where: { userId },
      select: { cardId: true, rating: true, reviewedAt: true },
      orderBy: [{ cardId: "asc" }, { reviewedAt: "asc" }],
    }),
  ]);
  const settings: LearnerSettings = { ...toLearnerSettings(row), weights: effective.weights };
  const history = new Map<string, { rating: ReviewRating; reviewedAt: Date }[]>();
  for (const log of logs) {
    const list = history.get(log.cardId) ?? [];
    list.push({ rating: log.rating as ReviewRating, reviewedAt: log.reviewedAt });
    history.set(log.cardId, list);
  }
  const changes: CardChange[] = [];
  for (const [index, state] of states.entries()) {
    if (index % 250 === 249) await yieldToEventLoop();
    const before: CardSchedule = {
      state: state.state as SrsState,
      due: state.due,
      stability: state.stability,
      difficulty: state.difficulty,
      reps: state.reps,
      lapses: state.lapses,
      learningSteps: state.learningSteps,
      scheduledDays: state.scheduledDays,
      lastReview: state.lastReview,
    };
    const after = rescheduleCard(
      before,
      history.get(state.cardId) ?? [],
      settings,
      cardKey(userId, state.cardId),
      now,
    );
    if (after) changes.push({ cardId: state.cardId, version: state.version, before, after });
  }
  return { cards: states.length, changes };
}

/**
 * The planned moves, on the progress path (lib/query) like every review: each card written only
 * if nobody answered it since it was read, and its version bumped.
 */
async function writeCards(tx: Tx, userId: string, plan: ReschedulePlan | null): Promise<SwitchResult> {
  let written = 0;
  for (const { cardId, version, after } of plan?.changes ?? []) {
    const result = await tx
      .updateTable("CardState")
      .set((eb) => ({
        state: after.state,
        due: after.due,
        stability: after.stability,
        difficulty: after.difficulty,
        reps: after.reps,
        lapses: after.lapses,
        learningSteps: after.learningSteps,
        scheduledDays: after.scheduledDays,
        lastReview: after.lastReview,
        version: eb("version", "+", 1),
      }))
      .where("userId", "=", userId)
      .where("cardId", "=", cardId)
      .where("version", "=", version)
      .executeTakeFirst();
    written += Number(result.numUpdatedRows);
  }
  return { rescheduled: written, skipped: (plan?.changes.length ?? 0) - written };
}

/**
 * How many of the learner's cards a reschedule would move, and by how much: with their own set
 * switched to `ownSetId` (null: none), or with everything as it is now (e.g. after changing the
 * desired retention) when it is undefined.
 */
export async function previewReschedule(
  userId: string,
  now: Date,
  ownSetId?: string | null,
): Promise<ReschedulePreview> {
  if (ownSetId) await ownPersonalSet(userId, ownSetId);
  const plan = await planReschedule(userId, now, ownSetId);
  return summarizeMoves(
    plan.changes.map((c) => ({ before: c.before.due, after: c.after.due })),
    plan.cards,
  );
}

/** Reschedules the learner's cards under their current parameters and settings, in one transaction. */
export async function rescheduleCards(userId: string, now: Date): Promise<SwitchResult> {
  const plan = await planReschedule(userId, now);
  if (plan.changes.length === 0) return { rescheduled: 0, skipped: 0 };
  return transaction((tx) => writeCards(tx, userId, plan));
}
