import "server-only";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { transaction } from "@/lib/query";
import { type EffectiveParameters, getEffectiveParameters } from "./effective";
import { type JobView, toJobView } from "./jobs";
import { planReschedule, type SwitchResult, writeCards } from "./reschedule";
import { ownPersonalSet, type ParameterSetView, toSetView } from "./sets";

/** The learner's parameter sets: the overview, switching between versions, discarding proposals. */

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
