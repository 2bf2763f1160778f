import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import type { OptimizationJob } from "@/lib/generated/prisma/client";
import { type Fit, runOptimizer } from "@/lib/optimizer/run-optimizer";
import { MIN_TRAINING_REVIEWS, type TrainingSet, trainingReadiness } from "@/lib/srs/training";
import type { ParameterScope } from "./sets";

/**
 * Optimization jobs, personal and cohort alike: run off the request path in this process, their
 * progress and outcome on the OptimizationJob row so any app instance can report them.
 */

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

export function toJobView(row: OptimizationJob, now: Date): JobView {
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
