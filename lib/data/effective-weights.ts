import "server-only";
import { expressionBuilder, type RawBuilder, sql } from "kysely";
import { LRUCache } from "lru-cache";
import { assignmentLive, linkStands } from "@/lib/data/trainer/access";
import type { Database, DB } from "@/lib/query";
import { learnerSettingsSchema } from "@/lib/srs/settings";
import { MIN_TRAINING_REVIEWS } from "@/lib/srs/training";

/**
 * The one statement of which FSRS parameter set a learner is scheduled with, for the review's
 * single read (lib/data/reviews.ts), the queue and the parameters page (getEffectiveParameters in
 * lib/data/parameters/effective.ts reads the set it names): the learner's own applied set; else, with fewer
 * than MIN_TRAINING_REVIEWS answers of their own, the newest cohort set a trainer they are linked
 * to applied for a deck that trainer assigned them; else null (ts-fsrs's defaults). COALESCE and
 * CASE stop early, so a learner with their own set pays one primary-key lookup, and the count
 * (which stops at the threshold) runs only for a learner a cohort set could apply to.
 *
 * `ownSetId` asks "what if their own set were this one" (null: none), for previews of a switch.
 */
export function effectiveSetId(userId: string, ownSetId?: string | null): RawBuilder<string | null> {
  const eb = expressionBuilder<DB, never>();
  const own =
    ownSetId === undefined
      ? eb
          .selectFrom("StudySettings as s")
          .innerJoin("FsrsParameterSet as p", "p.id", "s.parameterSetId")
          .select("p.id")
          .where("s.userId", "=", userId)
          .where("p.ownerId", "=", userId)
          .where("p.scope", "=", "personal")
      : eb
          .selectFrom("FsrsParameterSet as p")
          .select("p.id")
          .where("p.id", "=", ownSetId)
          .where("p.ownerId", "=", userId)
          .where("p.scope", "=", "personal");
  const answered = eb
    .selectFrom(
      eb
        .selectFrom("ReviewLog")
        .select(sql.lit(1).as("one"))
        .where("userId", "=", userId)
        .limit(sql.lit(MIN_TRAINING_REVIEWS))
        .as("own"),
    )
    .select((count) => count.fn.countAll().as("n"));
  const cohort = eb
    .selectFrom("FsrsParameterSet as p")
    .innerJoin("TrainerClient as tc", (join) =>
      join.onRef("tc.trainerId", "=", "p.ownerId").on("tc.clientId", "=", userId).on(linkStands("tc")),
    )
    .innerJoin("Assignment as a", (join) =>
      join
        .onRef("a.trainerId", "=", "p.ownerId")
        .on("a.clientId", "=", userId)
        .onRef("a.deckSlug", "=", "p.deckSlug")
        .on(assignmentLive("a")),
    )
    .select("p.id")
    .where("p.scope", "=", "cohort")
    .where("p.appliedAt", "is not", null)
    .where("p.discardedAt", "is", null)
    .orderBy("p.appliedAt", "desc")
    .orderBy("p.version", "desc")
    .limit(sql.lit(1));
  // The count walks up to MIN_TRAINING_REVIEWS index entries: it runs only when a cohort set
  // could apply. Both subqueries are uncorrelated, so each database evaluates the cohort's once.
  // The constants are literals, not parameters: SQLite ran this expression about three times
  // slower with a bound LIMIT and threshold (measured in the review's read, issue 18).
  return sql<
    string | null
  >`COALESCE((${own}), CASE WHEN (${cohort}) IS NULL THEN NULL WHEN (${answered}) < ${sql.lit(MIN_TRAINING_REVIEWS)} THEN (${cohort}) END)`;
}

/** The weights of the set effectiveSetId names (null: the defaults), as one SQL expression. */
export function effectiveWeights(userId: string): RawBuilder<string | null> {
  return sql<
    string | null
  >`(SELECT "weights" FROM "FsrsParameterSet" WHERE "id" = ${effectiveSetId(userId)})`;
}

const weightsSchema = learnerSettingsSchema.shape.weights.unwrap();

/** Validated weights by their stored text (each review reads them): frozen and shared. */
const validated = new LRUCache<string, { weights: readonly number[] | undefined }>({ max: 512 });

/** Stored weights, validated: anything unreadable means the defaults. */
export function parseWeights(json: string | null | undefined): number[] | undefined {
  if (!json) return undefined;
  let entry = validated.get(json);
  if (!entry) {
    entry = { weights: validate(json) };
    validated.set(json, entry);
  }
  // Typed as the schema's (mutable) array for callers; frozen, so a write would throw.
  return entry.weights as number[] | undefined;
}

function validate(json: string): readonly number[] | undefined {
  try {
    const parsed = weightsSchema.safeParse(JSON.parse(json));
    return parsed.success ? Object.freeze(parsed.data) : undefined;
  } catch {
    return undefined;
  }
}

/** The learner's weights, on either database (inside a transaction too). */
export async function loadEffectiveWeights(db: Database, userId: string): Promise<number[] | undefined> {
  const row = await db.selectNoFrom(effectiveWeights(userId).as("weights")).executeTakeFirst();
  return parseWeights(row?.weights);
}
