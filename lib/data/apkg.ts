import "server-only";
import { randomBytes } from "node:crypto";
import { REVERSE_SUFFIX } from "@/lib/authoring/ids";
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { importedHistory } from "@/lib/exchange/apkg/anki-schedule";
import { readPackageBytes } from "@/lib/exchange/apkg/apkg-reader";
import { APKG_LIMITS, type PackageContents } from "@/lib/exchange/apkg/package-read.mjs";
import { type PackageNote, writePackage } from "@/lib/exchange/apkg/package-write";
import { Prisma } from "@/lib/generated/prisma/client";
import { type CardImageType, IMAGE_EXTENSIONS } from "@/lib/images/image-type";
import { query } from "@/lib/query";
import { sql } from "@/lib/sql/client";
import type { CardSchedule, ReviewLogFields, SrsState } from "@/lib/srs";
import { cardImagesById } from "./card-images";
import { visibleDeckWhere } from "./deck-access";
import { createPersonalDeck, personalCardId } from "./personal-decks";
import { cardKey } from "./reviews";
import { loadLearnerSettings } from "./schedule-rows";
import { getLearnerSettings } from "./settings";

/**
 * Anki packages (.apkg) in and out, in Anki's legacy collection format (collection.anki2, SQLite
 * schema 11): a deck with its cards, notes, and the learner's own schedules and review history.
 */

/** A package Retain will not import; nothing was written. `status` is 413 (too large) or 422. */
export class PackageRejectedError extends AppError {}

const ROWS_PER_INSERT = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// ---------------------------------------------------------------------------------------------
// Export

const scheduleOf = (row: {
  state: string;
  due: Date;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  scheduledDays: number;
  lastReview: Date | null;
}): CardSchedule => ({ ...row, state: row.state as SrsState });

function sourceText(sources: string): string {
  try {
    const parsed = JSON.parse(sources) as { quote?: string }[];
    return parsed.flatMap((source) => (source.quote ? [`“${source.quote}”`] : [])).join("\n");
  } catch {
    return "";
  }
}

/**
 * The deck as an .apkg with the viewer's schedules and review history, or null when the viewer
 * may not see the deck (unknown, retired, someone else's private deck: the same 404).
 */
export async function exportDeckPackage(
  viewerId: string,
  slug: string,
  now: Date,
): Promise<{ slug: string; title: string; bytes: Uint8Array } | null> {
  const deck = await db.deck.findFirst({
    where: { AND: [{ slug, retired: false }, await visibleDeckWhere(viewerId)] },
    select: { slug: true, title: true, description: true, ownerId: true },
  });
  if (!deck) return null;
  const inDeck = { memberships: { some: { deckSlug: slug } } };
  const [members, states, logs, settings] = await Promise.all([
    db.deckCard.findMany({
      where: { deckSlug: slug, card: { retired: false } },
      orderBy: { position: "asc" },
      select: {
        card: {
          select: {
            id: true,
            kind: true,
            front: true,
            back: true,
            topic: true,
            sources: true,
            imageId: true,
          },
        },
      },
    }),
    db.cardState.findMany({ where: { userId: viewerId, card: inDeck } }),
    db.reviewLog.findMany({
      where: { userId: viewerId, card: inDeck },
      orderBy: [{ reviewedAt: "asc" }, { cardVersion: "asc" }],
      select: {
        cardId: true,
        rating: true,
        reviewedAt: true,
        durationMs: true,
        stateBefore: true,
        dueBefore: true,
        lastReviewBefore: true,
        dueAfter: true,
      },
    }),
    getLearnerSettings(viewerId),
  ]);
  const stateOf = new Map(states.map((state) => [state.cardId, scheduleOf(state)]));
  const logsOf = new Map<string, PackageNote["cards"][number]["logs"][number][]>();
  for (const log of logs) {
    const list = logsOf.get(log.cardId) ?? [];
    list.push({ ...log, rating: log.rating as 1 | 2 | 3 | 4, stateBefore: log.stateBefore as SrsState });
    logsOf.set(log.cardId, list);
  }
  // The deck is visible to the viewer, so are the pictures on its cards.
  const images = await cardImagesById(members.flatMap(({ card }) => (card.imageId ? [card.imageId] : [])));
  const media = new Map<string, Uint8Array>();
  const mediaName = (imageId: string | null): string[] => {
    const image = imageId ? images.get(imageId) : undefined;
    if (!imageId || !image) return [];
    const name = `retain-${imageId}.${IMAGE_EXTENSIONS[image.mediaType as CardImageType] ?? "img"}`;
    media.set(name, image.bytes);
    return [name];
  };
  const cardInput = (id: string) => ({ schedule: stateOf.get(id) ?? null, logs: logsOf.get(id) ?? [] });
  const present = new Set(members.map((member) => member.card.id));
  const personal = deck.ownerId !== null;
  const notes: PackageNote[] = [];
  for (const { card } of members) {
    // A mirror travels with its forward card as the note's second card.
    if (card.kind === "reverse" && present.has(card.id.slice(0, -REVERSE_SUFFIX.length))) continue;
    const mirrorId = `${card.id}${REVERSE_SUFFIX}`;
    const reversed = card.kind === "reversed" && present.has(mirrorId);
    notes.push({
      kind: reversed ? "reversed" : card.kind === "cloze" ? "cloze" : "basic",
      front: card.front,
      back: card.back,
      source: sourceText(card.sources),
      tags: (card.topic ? (personal ? card.topic.split(" ") : [card.topic.replace(/\s+/g, "_")]) : []).filter(
        Boolean,
      ),
      key: card.id,
      cards: reversed ? [cardInput(card.id), cardInput(mirrorId)] : [cardInput(card.id)],
      images: mediaName(card.imageId),
    });
  }
  const bytes = await writePackage({
    deckName: deck.title,
    deckDescription: deck.description,
    notes,
    media,
    desiredRetention: settings.desiredRetention,
    now,
  });
  return { slug: deck.slug, title: deck.title, bytes };
}

// ---------------------------------------------------------------------------------------------
// Import

export interface PackageImportResult {
  slug: string;
  cards: number;
  reviews: number;
  /** What was left out, in sentences to show (media, other note types, empty or long cards). */
  notices: string[];
}

function noticesOf(contents: PackageContents): string[] {
  const notices: string[] = [];
  const n = (value: number) => value.toLocaleString("en-GB");
  const { media, skipped } = contents;
  if (media.files > 0 || media.references > 0)
    notices.push(
      `Images and sounds were left out (${n(Math.max(media.files, media.references))}): Retain imports the text of each card.`,
    );
  if (skipped.otherNoteTypes > 0)
    notices.push(`${n(skipped.otherNoteTypes)} cards of note types Retain cannot show were left out.`);
  if (skipped.empty > 0)
    notices.push(`${n(skipped.empty)} cards with no text (only images or sounds) were left out.`);
  if (skipped.tooLong > 0)
    notices.push(
      `${n(skipped.tooLong)} cards longer than ${n(APKG_LIMITS.maxFieldLength)} characters were left out.`,
    );
  return notices;
}

/**
 * Imports an .apkg as a new personal deck of its owner: basic, reversed and cloze notes, each
 * card with its review history (ReviewLog rows with origin "import") and the schedule replayed
 * from it. The size is checked before anything is read; the package is read in a worker thread.
 * The deck stays hidden until its cards, schedules and history are all written.
 */
export async function importPackage(
  ownerId: string,
  file: { name: string; size: number; bytes: () => Promise<Uint8Array<ArrayBuffer>> },
  title: string | undefined,
  now: Date,
): Promise<PackageImportResult> {
  if (file.size > APKG_LIMITS.maxBytes)
    throw new PackageRejectedError(
      `The package is larger than ${APKG_LIMITS.maxBytes / 1024 / 1024} MB.`,
      413,
    );
  if (file.size === 0) throw new ValidationError("Choose an .apkg file; this one is empty.");
  const reading = await readPackageBytes(await file.bytes());
  if ("refused" in reading) throw new PackageRejectedError(reading.refused, 422);
  if (reading.cards.length === 0)
    throw new PackageRejectedError(
      ["This package has no cards Retain can import.", ...noticesOf(reading)].join(" "),
      422,
    );
  // The learner's own FSRS settings and weights: the schedules replayed are the ones their reviews would give.
  const settings = await loadLearnerSettings(query(), ownerId);
  let reviews = 0;
  const slug = await createPersonalDeck(
    ownerId,
    {
      title: title || reading.deckName || file.name.replace(/\.apkg$/i, "").slice(0, 100) || "Anki deck",
      description: `Your own cards, imported from the Anki package ${file.name.slice(0, 100)}.`,
      cards: reading.cards,
    },
    now,
    {
      afterCards: async (deckSlug) => {
        reviews = await writeHistories(ownerId, deckSlug, reading, settings, now);
      },
    },
  );
  const cards = reading.cards.reduce((sum, card) => sum + (card.mirror ? 2 : 1), 0);
  return { slug, cards, reviews, notices: noticesOf(reading) };
}

type ImportedState = CardSchedule & { userId: string; cardId: string; version: number; introducedAt: Date };
type ImportedLog = ReviewLogFields & {
  userId: string;
  cardId: string;
  idempotencyKey: string;
  origin: "import";
  durationMs: number;
  cardVersion: number;
};

/** Writes each imported card's schedule and history, in short statements; returns the reviews written. */
async function writeHistories(
  ownerId: string,
  slug: string,
  contents: PackageContents,
  settings: Parameters<typeof importedHistory>[1],
  now: Date,
): Promise<number> {
  const states: ImportedState[] = [];
  const logs: ImportedLog[] = [];
  contents.cards.forEach((card, index) => {
    const id = personalCardId(slug, index);
    const sides = card.mirror
      ? ([
          [id, card.forward],
          [`${id}${REVERSE_SUFFIX}`, card.mirror],
        ] as const)
      : ([[id, card.forward]] as const);
    for (const [cardId, anki] of sides) {
      const history = importedHistory(anki, settings, cardKey(ownerId, cardId), now);
      if (!history.schedule) continue;
      const { schedule } = history;
      states.push({
        userId: ownerId,
        cardId,
        ...schedule,
        version: Math.max(1, history.logs.length),
        introducedAt: history.logs[0]?.reviewedAt ?? schedule.lastReview ?? now,
      });
      history.logs.forEach((log, i) => {
        logs.push({
          userId: ownerId,
          cardId,
          idempotencyKey: `apkg:${cardId}:${i + 1}`,
          origin: "import",
          ...log,
          cardVersion: i + 1,
        });
      });
    }
  });
  // Multi-row INSERTs through Prisma's tagged raw SQL (placeholders and dates per provider):
  // createMany took about five times as long per row, 40 s for 50,000 reviews on a loaded machine.
  for (let start = 0; start < states.length; start += ROWS_PER_INSERT) {
    const rows = states.slice(start, start + ROWS_PER_INSERT).map(
      (
        row,
      ) => Prisma.sql`(${row.userId}, ${row.cardId}, ${row.state}, ${row.due}, ${row.stability}, ${row.difficulty},
        ${row.reps}, ${row.lapses}, ${row.learningSteps}, ${row.scheduledDays}, ${row.lastReview}, ${row.version}, ${row.introducedAt})`,
    );
    await db.$executeRaw`INSERT INTO "CardState" ("userId", "cardId", "state", "due", "stability", "difficulty", "reps",
      "lapses", "learningSteps", "scheduledDays", "lastReview", "version", "introducedAt") VALUES ${Prisma.join(rows)}`;
    await nextTurn();
  }
  for (let start = 0; start < logs.length; start += ROWS_PER_INSERT) {
    const rows = logs.slice(start, start + ROWS_PER_INSERT).map(
      (
        row,
      ) => Prisma.sql`(${randomBytes(12).toString("hex")}, ${row.userId}, ${row.cardId}, ${row.idempotencyKey},
        ${row.origin}, ${row.rating}, ${row.reviewedAt}, ${row.durationMs}, ${row.stateBefore}, ${row.dueBefore},
        ${row.lastReviewBefore}, ${row.stabilityBefore}, ${row.difficultyBefore}, ${row.scheduledDaysBefore},
        ${row.learningStepsBefore}, ${row.dueAfter}, ${row.stabilityAfter}, ${row.difficultyAfter}, ${row.cardVersion})`,
    );
    await db.$executeRaw`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "idempotencyKey", "origin", "rating",
      "reviewedAt", "durationMs", "stateBefore", "dueBefore", "lastReviewBefore", "stabilityBefore", "difficultyBefore",
      "scheduledDaysBefore", "learningStepsBefore", "dueAfter", "stabilityAfter", "difficultyAfter", "cardVersion")
      VALUES ${Prisma.join(rows)}`;
    await nextTurn();
  }
  return logs.length;
}
