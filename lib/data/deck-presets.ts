import "server-only";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { query } from "@/lib/query";
import type { DeckOptions } from "@/lib/srs/deck-options";
import { learnerSettingsSchema } from "@/lib/srs/settings";
import type { PresetInput } from "@/lib/validations/deck-presets";
import { visibleDeckWhere } from "./deck-access";

export interface DeckPresetView extends DeckOptions {
  id: string;
  name: string;
  /** Slugs of the decks that use it. */
  decks: string[];
}

const MAX_PRESETS = 50;

function parseSteps(json: string) {
  try {
    return learnerSettingsSchema.shape.learningSteps.unwrap().parse(JSON.parse(json));
  } catch {
    return [];
  }
}

type PresetRow = {
  id: string;
  name: string;
  newPerDay: number;
  maxReviewsPerDay: number;
  desiredRetention: number;
  learningSteps: string;
  relearningSteps: string;
};

const toOptions = (row: PresetRow): DeckOptions => ({
  newPerDay: row.newPerDay,
  maxReviewsPerDay: row.maxReviewsPerDay,
  desiredRetention: row.desiredRetention,
  learningSteps: parseSteps(row.learningSteps),
  relearningSteps: parseSteps(row.relearningSteps),
});

/** The learner's presets with the decks using each, by name. */
export async function listPresets(userId: string): Promise<DeckPresetView[]> {
  const rows = await db.deckPreset.findMany({
    where: { userId },
    orderBy: { name: "asc" },
    include: { decks: { select: { deckSlug: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ...toOptions(row),
    decks: row.decks.map((d) => d.deckSlug),
  }));
}

/** Each deck's own options, for decks with a preset (the others follow the study settings). */
export async function deckOptionsByDeck(userId: string): Promise<Map<string, DeckOptions>> {
  const rows = await db.deckPresetDeck.findMany({ where: { userId }, include: { preset: true } });
  return new Map(rows.map((row) => [row.deckSlug, toOptions(row.preset)]));
}

/**
 * For the trainer's pages (many clients at once, one query): each learner's preset decks with their
 * daily limits, for lib/trainer/on-track `assignmentNewPerDay(settings, limits.get(id)?.get(slug))`.
 */
export async function deckLimitsByLearner(
  userIds: readonly string[],
): Promise<Map<string, Map<string, Pick<DeckOptions, "newPerDay" | "maxReviewsPerDay">>>> {
  const result = new Map<string, Map<string, Pick<DeckOptions, "newPerDay" | "maxReviewsPerDay">>>();
  if (userIds.length === 0) return result;
  const rows = await query()
    .selectFrom("DeckPresetDeck as pd")
    .innerJoin("DeckPreset as p", "p.id", "pd.presetId")
    .select(["pd.userId", "pd.deckSlug", "p.newPerDay", "p.maxReviewsPerDay"])
    .where("pd.userId", "in", [...userIds])
    .execute();
  for (const row of rows) {
    const decks = result.get(row.userId) ?? new Map();
    result.set(row.userId, decks);
    decks.set(row.deckSlug, {
      newPerDay: Number(row.newPerDay),
      maxReviewsPerDay: Number(row.maxReviewsPerDay),
    });
  }
  return result;
}

/**
 * The scheduling options of a card's home deck's preset, from the columns the review read
 * selects (lib/data/reviews readForReview): null when the deck has no preset.
 */
export function presetSchedulingOptions(row: {
  presetRetention: number | null;
  presetLearningSteps: string | null;
  presetRelearningSteps: string | null;
}): Pick<DeckOptions, "desiredRetention" | "learningSteps" | "relearningSteps"> | null {
  if (row.presetRetention === null) return null;
  return {
    desiredRetention: row.presetRetention,
    learningSteps: parseSteps(row.presetLearningSteps ?? "[]"),
    relearningSteps: parseSteps(row.presetRelearningSteps ?? "[]"),
  };
}

/** Creates a preset, or updates the learner's own one; names are unique per learner. */
export async function savePreset(userId: string, input: PresetInput): Promise<string> {
  const data = {
    name: input.name,
    newPerDay: input.newPerDay,
    maxReviewsPerDay: input.maxReviewsPerDay,
    desiredRetention: input.desiredRetention,
    learningSteps: JSON.stringify(input.learningSteps),
    relearningSteps: JSON.stringify(input.relearningSteps),
  };
  const clash = await db.deckPreset.findFirst({
    where: { userId, name: input.name, ...(input.presetId ? { NOT: { id: input.presetId } } : {}) },
    select: { id: true },
  });
  if (clash)
    throw new ValidationError("You have a preset of that name already.", { name: ["Choose another name"] });
  if (input.presetId) {
    const updated = await db.deckPreset.updateMany({ where: { id: input.presetId, userId }, data });
    if (updated.count !== 1) throw new NotFoundError("This preset does not exist.");
    return input.presetId;
  }
  if ((await db.deckPreset.count({ where: { userId } })) >= MAX_PRESETS)
    throw new ValidationError(`You can have at most ${MAX_PRESETS} presets.`);
  return (await db.deckPreset.create({ data: { userId, ...data }, select: { id: true } })).id;
}

/** Deletes one of the learner's presets; its decks go back to the Default options. */
export async function deletePreset(userId: string, presetId: string): Promise<void> {
  const deleted = await db.deckPreset.deleteMany({ where: { id: presetId, userId } });
  if (deleted.count !== 1) throw new NotFoundError("This preset does not exist.");
}

/** Gives a deck the learner can study one of their presets, or (null) the Default options. */
export async function choosePreset(userId: string, deckSlug: string, presetId: string | null): Promise<void> {
  const deck = await db.deck.findFirst({
    where: { slug: deckSlug, retired: false, ...(await visibleDeckWhere(userId)) },
    select: { slug: true },
  });
  if (!deck) throw new NotFoundError("This deck does not exist.");
  if (presetId === null) {
    await db.deckPresetDeck.deleteMany({ where: { userId, deckSlug } });
    return;
  }
  const preset = await db.deckPreset.findFirst({ where: { id: presetId, userId }, select: { id: true } });
  if (!preset) throw new NotFoundError("This preset does not exist.");
  await db.deckPresetDeck.upsert({
    where: { userId_deckSlug: { userId, deckSlug } },
    update: { presetId },
    create: { userId, deckSlug, presetId },
  });
}
