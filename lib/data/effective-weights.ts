import "server-only";
import type { SqlClient } from "@/lib/sql/client";
import { learnerSettingsSchema } from "@/lib/srs/settings";
import { MIN_TRAINING_REVIEWS } from "@/lib/srs/training";

/**
 * The FSRS weights a learner is scheduled with, in one statement (SQLite and PostgreSQL, see
 * lib/sql/translate.ts) that the review transaction can run (lib/data/schedule-rows.ts). The rule is the one
 * getEffectiveParameters in lib/data/parameters.ts states (a test holds the two together): the
 * learner's own applied set; else, with fewer than MIN_TRAINING_REVIEWS answers of their own, the
 * newest cohort set a trainer they are linked to applied for a deck that trainer assigned them;
 * else null (ts-fsrs's defaults). COALESCE and CASE stop early, so a learner with their own set
 * pays one primary-key lookup, and the count stops at the threshold.
 */
const EFFECTIVE_WEIGHTS = `SELECT COALESCE(
    (SELECT p.weights FROM "StudySettings" s JOIN "FsrsParameterSet" p ON p.id = s.parameterSetId
      WHERE s.userId = @userId AND p.ownerId = @userId AND p.scope = 'personal'),
    CASE WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM "ReviewLog" WHERE userId = @userId LIMIT @enough) AS own) < @enough
    THEN (SELECT p.weights FROM "FsrsParameterSet" p
      JOIN "TrainerClient" tc ON tc.trainerId = p.ownerId AND tc.clientId = @userId AND tc.endedAt IS NULL
      JOIN "Assignment" a ON a.trainerId = p.ownerId AND a.clientId = @userId AND a.deckSlug = p.deckSlug
        AND a.removedAt IS NULL
      WHERE p.scope = 'cohort' AND p.appliedAt IS NOT NULL AND p.discardedAt IS NULL
      ORDER BY p.appliedAt DESC, p.version DESC LIMIT 1)
    END) AS weights`;

const weightsSchema = learnerSettingsSchema.shape.weights.unwrap();

/** Stored weights, validated: anything unreadable means the defaults. */
export function parseWeights(json: string | null | undefined): number[] | undefined {
  if (!json) return undefined;
  try {
    const parsed = weightsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The learner's weights through the raw-SQL client, on either database (inside its transactions too). */
export async function loadEffectiveWeights(client: SqlClient, userId: string): Promise<number[] | undefined> {
  const row = await client.get<{ weights: string | null }>(EFFECTIVE_WEIGHTS, {
    userId,
    enough: MIN_TRAINING_REVIEWS,
  });
  return parseWeights(row?.weights);
}
