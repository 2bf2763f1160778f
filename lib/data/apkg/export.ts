import "server-only";
import { REVERSE_SUFFIX } from "@/lib/authoring/ids";
import type { ExportedReview } from "@/lib/exchange/apkg/anki-schedule";
import { type PackageNote, writePackage } from "@/lib/exchange/apkg/package-write";
import { type CardImageType, IMAGE_EXTENSIONS } from "@/lib/images/image-type";
import { query } from "@/lib/query";
import type { SqlDateValue } from "@/lib/query/values";
import { visibleDeck } from "../deck-access";
import { loadSettingsRow, SCHEDULE_COLUMNS, scheduleFromRow } from "../schedule-rows";
import { toLearnerSettings } from "../settings";

/**
 * A deck as an Anki package (.apkg, legacy collection schema 11) with the viewer's own schedules
 * and review history; the format is lib/exchange/apkg/package-write.ts, the rules docs/apkg.md.
 */

/** A stored time in ms since the epoch, without a Date per value (SQLite: ISO text; PostgreSQL: Date). */
function timeMs(value: SqlDateValue): number {
  if (typeof value !== "string") return value.getTime();
  // Prisma writes ISO 8601; SQLite's CURRENT_TIMESTAMP writes "YYYY-MM-DD HH:MM:SS" in UTC.
  return Date.parse(value.includes("T") ? value : `${value.replace(" ", "T")}Z`);
}

function sourceText(sources: string): string {
  try {
    const parsed = JSON.parse(sources) as { quote?: string }[];
    return parsed.flatMap((source) => (source.quote ? [`“${source.quote}”`] : [])).join("\n");
  } catch {
    return "";
  }
}

/** The deck's cards (not retired) in deck order, what the package shows of them. */
function deckCards(slug: string) {
  return query()
    .selectFrom("DeckCard as m")
    .innerJoin("Card as c", "c.id", "m.cardId")
    .select(["c.id", "c.kind", "c.front", "c.back", "c.topic", "c.sources", "c.imageId"])
    .where("m.deckSlug", "=", slug)
    .where("c.retired", "=", false)
    .orderBy("m.position")
    .execute();
}

function deckStates(viewerId: string, slug: string) {
  return query()
    .selectFrom("CardState as s")
    .innerJoin("DeckCard as m", "m.cardId", "s.cardId")
    .select(["s.cardId", ...SCHEDULE_COLUMNS])
    .where("m.deckSlug", "=", slug)
    .where("s.userId", "=", viewerId)
    .execute();
}

/**
 * The viewer's answers on the deck's cards, in answer order: only the columns a revlog row needs.
 * The order is the (userId, reviewedAt) index's, so SQLite sorts nothing (a second key,
 * cardVersion, cost a fifth of the query: answers of one card in the same ms are kept in any order).
 */
function deckReviews(viewerId: string, slug: string) {
  return query()
    .selectFrom("ReviewLog as l")
    .innerJoin("DeckCard as m", "m.cardId", "l.cardId")
    .select([
      "l.cardId",
      "l.rating",
      "l.reviewedAt",
      "l.durationMs",
      "l.stateBefore",
      "l.dueBefore",
      "l.lastReviewBefore",
      "l.dueAfter",
    ])
    .where("m.deckSlug", "=", slug)
    .where("l.userId", "=", viewerId)
    .orderBy("l.reviewedAt")
    .execute();
}

/** The pictures on the deck's own cards (the deck is visible to the viewer, so are they). */
function deckImages(slug: string) {
  return query()
    .selectFrom("CardImage as i")
    .select(["i.id", "i.mediaType", "i.bytes"])
    .where("i.id", "in", (eb) =>
      eb
        .selectFrom("DeckCard as m")
        .innerJoin("Card as c", "c.id", "m.cardId")
        .select("c.imageId")
        .where("m.deckSlug", "=", slug)
        .where("c.retired", "=", false)
        .where("c.imageId", "is not", null)
        .$narrowType<{ imageId: string }>(),
    )
    .execute();
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
  const deck = await query()
    .selectFrom("Deck as d")
    .select(["d.slug", "d.title", "d.description", "d.ownerId"])
    .where("d.slug", "=", slug)
    .where("d.retired", "=", false)
    .where(visibleDeck("d", viewerId))
    .executeTakeFirst();
  if (!deck) return null;
  const [members, states, reviews, images, settings] = await Promise.all([
    deckCards(slug),
    deckStates(viewerId, slug),
    deckReviews(viewerId, slug),
    deckImages(slug),
    loadSettingsRow(query(), viewerId),
  ]);
  const desiredRetention = toLearnerSettings(settings).desiredRetention;
  const stateOf = new Map(states.map((row) => [row.cardId, scheduleFromRow(row)]));
  const reviewsOf = new Map<string, ExportedReview[]>();
  for (const row of reviews) {
    const review: ExportedReview = {
      rating: row.rating,
      reviewedAt: timeMs(row.reviewedAt),
      stateBefore: row.stateBefore,
      dueBefore: timeMs(row.dueBefore),
      lastReviewBefore: row.lastReviewBefore === null ? null : timeMs(row.lastReviewBefore),
      dueAfter: timeMs(row.dueAfter),
      durationMs: row.durationMs,
    };
    const list = reviewsOf.get(row.cardId);
    if (list) list.push(review);
    else reviewsOf.set(row.cardId, [review]);
  }
  const imageOf = new Map(images.map((image) => [image.id, image]));
  const media = new Map<string, Uint8Array>();
  const mediaName = (imageId: string | null): string[] => {
    const image = imageId ? imageOf.get(imageId) : undefined;
    if (!image) return [];
    const name = `retain-${image.id}.${IMAGE_EXTENSIONS[image.mediaType as CardImageType] ?? "img"}`;
    media.set(name, image.bytes);
    return [name];
  };
  const cardInput = (id: string) => ({ schedule: stateOf.get(id) ?? null, logs: reviewsOf.get(id) ?? [] });
  const present = new Set(members.map((card) => card.id));
  const personal = deck.ownerId !== null;
  const notes: PackageNote[] = [];
  for (const card of members) {
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
    desiredRetention,
    now,
  });
  return { slug: deck.slug, title: deck.title, bytes };
}
