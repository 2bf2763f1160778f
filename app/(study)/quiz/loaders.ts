import "server-only";
import { listSources } from "@/lib/data/content";
import { getQuizAttempt, getQuizResult } from "@/lib/data/quiz";
import { ConflictError, NotFoundError } from "@/lib/errors";

// The quiz pages turn the data layer's expected errors into page outcomes in one place.

/** The learner's attempt, or null when it does not exist or is someone else's. */
export async function findQuizAttempt(userId: string, attemptId: string) {
  try {
    return await getQuizAttempt(userId, attemptId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** The result of a finished attempt, "unfinished" for an open or discarded one, null when unknown. */
export async function findQuizResult(userId: string, attemptId: string) {
  try {
    return await getQuizResult(userId, attemptId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    if (error instanceof ConflictError) return "unfinished" as const;
    throw error;
  }
}

/** Source document titles by slug, for the links under each quote. */
export async function getSourceTitles(): Promise<Record<string, string>> {
  const sources = await listSources();
  return Object.fromEntries(sources.map((source) => [source.slug, source.title]));
}
