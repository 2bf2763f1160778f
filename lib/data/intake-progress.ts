import "server-only";
import { db } from "@/lib/db";

/**
 * How far the reading of an upload has got, for the upload page to poll. Kept in the database
 * (IntakeProgress), so with several app instances the poll may reach any of them. Cheap: one
 * upsert per stage, and within a stage at most one per WRITE_EVERY_MS; entries are the uploader's
 * alone and are removed when the upload ends (or, after a crash, when the next upload starts).
 */
export const PROGRESS_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export interface IntakeProgress {
  stage: "uploaded" | "extracting" | "proposing" | "storing";
  /** 0–1 within the stage, when the stage reports it. */
  fraction: number | null;
}

const STAGES: readonly IntakeProgress["stage"][] = ["uploaded", "extracting", "proposing", "storing"];
const TTL_MS = 5 * 60_000;
/** Within one stage, a finer fraction is written at most this often (the page polls about twice a second). */
const WRITE_EVERY_MS = 250;

/**
 * Returns a reporter for one upload: each call records the progress unless it is the same stage
 * as the last one written less than WRITE_EVERY_MS ago. Writes are chained, so they land in order,
 * and a failed write is only logged (progress is a courtesy display, never a reason to fail).
 */
export function progressReporter(userId: string, token: string) {
  let last: { stage: string; at: number } | null = null;
  let chain: Promise<void> = Promise.resolve();
  const report = (progress: IntakeProgress, now: number) => {
    if (last && last.stage === progress.stage && now - last.at < WRITE_EVERY_MS) return;
    last = { stage: progress.stage, at: now };
    chain = chain.then(() =>
      reportProgress(userId, token, progress, now).catch((error: unknown) =>
        console.warn(`[intake-progress] not recorded: ${(error as Error).message}`),
      ),
    );
  };
  /** Resolves once every report made so far is written (each waits for the one before). */
  const settled = () => chain;
  const end = async () => {
    await settled();
    await endProgress(token).catch(() => undefined);
  };
  return { report, settled, end };
}

/** Records the progress of the caller's upload; a token already used by someone else is left alone. */
export async function reportProgress(
  userId: string,
  token: string,
  progress: IntakeProgress,
  now: number,
): Promise<void> {
  const at = new Date(now);
  // An update scoped by owner, then an insert: someone else's token is never taken over.
  const updated = await db.intakeProgress.updateMany({
    where: { token, userId },
    data: { stage: progress.stage, fraction: progress.fraction, updatedAt: at },
  });
  if (updated.count > 0) return;
  // A new upload: first clear entries that uploads cut off by a crash left behind.
  await db.intakeProgress.deleteMany({ where: { updatedAt: { lt: new Date(now - TTL_MS) } } });
  await db.intakeProgress
    .create({ data: { token, userId, stage: progress.stage, fraction: progress.fraction, updatedAt: at } })
    // The token exists and is someone else's (or a concurrent first report made it): leave it.
    .catch(() => undefined);
}

export async function endProgress(token: string): Promise<void> {
  await db.intakeProgress.deleteMany({ where: { token } });
}

/** The caller's own upload's progress; null for an unknown token, someone else's or a stale one. */
export async function readProgress(
  userId: string,
  token: string,
  now: number,
): Promise<IntakeProgress | null> {
  const row = await db.intakeProgress.findFirst({
    where: { token, userId, updatedAt: { gte: new Date(now - TTL_MS) } },
    select: { stage: true, fraction: true },
  });
  if (!row || !STAGES.includes(row.stage as IntakeProgress["stage"])) return null;
  return { stage: row.stage as IntakeProgress["stage"], fraction: row.fraction };
}
