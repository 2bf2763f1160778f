import "server-only";
import { default_w } from "ts-fsrs";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { FsrsParameterSet } from "@/lib/generated/prisma/client";
import type { Fit } from "@/lib/optimizer/run-optimizer";

/** A fitted FSRS parameter set as the settings pages show it, and the defaults it replaces. */

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

/** A personal set of the acting user; anyone else's is "not found". */
export async function ownPersonalSet(userId: string, setId: string): Promise<SetRow> {
  const set = await db.fsrsParameterSet.findFirst({
    where: { id: setId, ownerId: userId, scope: "personal" },
  });
  if (!set) throw new NotFoundError("There is no such parameter set.");
  return set;
}
