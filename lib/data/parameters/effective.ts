import "server-only";
import { db } from "@/lib/db";
import { query } from "@/lib/query";
import { effectiveSetId, parseWeights } from "../effective-weights";
import { DEFAULT_WEIGHTS, type ParameterSetView, toSetView } from "./sets";

export interface EffectiveParameters {
  source: "personal" | "cohort" | "default";
  weights: number[];
  /** The set in use (null for the defaults); for a cohort set, whose and for which deck. */
  set: (ParameterSetView & { trainerName?: string; deckTitle?: string }) | null;
}

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
