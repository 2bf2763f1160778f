import "server-only";
import type { EvidenceLevel } from "@/lib/content/evidence";
import { ankiDeckText } from "@/lib/exchange/anki-text";
import { reviewLogCsv } from "@/lib/exchange/review-log-csv";
import { query } from "@/lib/query";
import { parseSqlDate } from "@/lib/query/values";
import type { SrsState } from "@/lib/srs/types";
import { getDeck } from "./content";

/**
 * The learner's whole review log as FSRS CSV, oldest answer first: study and quiz answers alike,
 * since both moved the schedule. Read on the (userId, reviewedAt) index.
 */
export async function reviewLogExport(userId: string): Promise<string> {
  const rows = await query()
    .selectFrom("ReviewLog")
    .select(["cardId", "reviewedAt", "rating", "stateBefore", "durationMs"])
    .where("userId", "=", userId)
    .orderBy("reviewedAt")
    .orderBy("cardVersion")
    .execute();
  return reviewLogCsv(
    rows.map((row) => ({
      cardId: row.cardId,
      reviewedAt: parseSqlDate(row.reviewedAt),
      rating: Number(row.rating),
      stateBefore: row.stateBefore as SrsState,
      durationMs: Number(row.durationMs),
    })),
  );
}

/**
 * A deck as an Anki text file, or null when the viewer may not see it (unknown, retired, or
 * someone else's personal deck). The Evidence field's wording comes from the caller (the UI's labels).
 */
export async function ankiDeckExport(
  viewerId: string,
  slug: string,
  describeEvidence: (level: EvidenceLevel) => string,
): Promise<{ slug: string; title: string; text: string } | null> {
  const deck = await getDeck(slug, viewerId);
  if (!deck) return null;
  const text = ankiDeckText({
    cards: deck.cards.map((card) => ({
      ...card,
      // A personal card's topic holds the learner's own tags; a content card's is one phrase.
      tags: card.topic ? (deck.personal ? card.topic.split(" ") : [card.topic]) : [],
    })),
    documentTitles: deck.documentTitles,
    describeEvidence,
  });
  return { slug: deck.slug, title: deck.title, text };
}
