import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { NotFoundError, ValidationError } from "@/lib/errors";
import {
  CARD_IMPORT_LIMITS,
  type CardFile,
  type ImportedCard,
  readCardFile,
} from "@/lib/exchange/card-import";
import type { Delimiter } from "@/lib/exchange/delimited";
import { sql } from "@/lib/sql/client";

/**
 * A learner's personal decks: cards they imported themselves. A personal deck is a Deck row with
 * ownerId set; lib/data/content, study, stats and dashboard show it to its owner only, trainers
 * cannot assign it, and the content seed leaves it alone. Its cards are "basic", cite nothing and
 * carry the "personal" evidence level.
 */

/** Personal decks sort after the curated ones (whose positions are small), in the order made. */
const PERSONAL_POSITION = 1_000_000;
/** Rows per INSERT: 10 parameters each, well under both databases' limits. */
const INSERT_CHUNK = 200;

export interface CardUpload {
  file: CardFile;
  /** SHA-256 of the bytes read: the confirm step must send the same file as the preview. */
  digest: string;
}

/**
 * Reads an uploaded file into cards or line-numbered errors. Writes nothing. The size is checked
 * before the file is read (the form checks it too, but a request can skip the form).
 */
export async function readCardUpload(file: File, delimiter?: Delimiter): Promise<CardUpload> {
  if (file.size > CARD_IMPORT_LIMITS.maxBytes) throw new ValidationError("The file is larger than 5 MB.");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = createHash("sha256").update(bytes).digest("hex");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("The file is not UTF-8 text. Save it as CSV (UTF-8) and try again.");
  }
  if (text.includes("\u0000"))
    throw new ValidationError("This is not a text file. Choose a CSV or TSV file.");
  return { file: readCardFile(text, delimiter), digest };
}

/**
 * The file of a confirm step could not be imported: it changed since its preview, or it has
 * errors. Nothing was written; `upload` is the file as read now, for a fresh preview.
 */
export class ImportRejectedError extends ValidationError {
  constructor(
    message: string,
    readonly upload: CardUpload,
  ) {
    super(message);
  }
}

/**
 * The confirm step: reads the file again and writes it as a new personal deck only when it is the
 * file previewed (same SHA-256) and it reads without errors. Returns the new deck's slug.
 */
export async function importCardUpload(
  ownerId: string,
  input: { file: File; delimiter?: Delimiter; title: string; digest: string },
  now: Date,
): Promise<string> {
  const upload = await readCardUpload(input.file, input.delimiter);
  if (upload.digest !== input.digest)
    throw new ImportRejectedError("The file changed since the preview. Check the new preview.", upload);
  if (upload.file.errors.length > 0)
    throw new ImportRejectedError("The file has errors, so nothing was imported.", upload);
  return createPersonalDeck(
    ownerId,
    {
      title: input.title,
      description: `Your own cards, imported from ${input.file.name.slice(0, 100)}.`,
      cards: upload.file.cards,
    },
    now,
  );
}

/** A slug no content deck uses ("p-" and 12 random hex digits; content slugs are words). */
function personalSlug(): string {
  return `p-${randomBytes(6).toString("hex")}`;
}

/**
 * Creates a personal deck with its cards in one transaction: all of them or nothing. The cards
 * must come from a file read without errors (the caller checks).
 */
export async function createPersonalDeck(
  ownerId: string,
  input: { title: string; description: string; cards: readonly ImportedCard[] },
  now: Date,
): Promise<string> {
  if (input.cards.length === 0 || input.cards.length > CARD_IMPORT_LIMITS.maxCards)
    throw new ValidationError("There are no cards to import.");
  const slug = personalSlug();
  await sql().transaction(async (tx) => {
    const owned = await tx.get<{ n: number | bigint }>('SELECT COUNT(*) AS n FROM "Deck" WHERE ownerId = ?', [
      ownerId,
    ]);
    await tx.run(
      `INSERT INTO "Deck" (slug, title, description, position, retired, ownerId, createdAt)
       VALUES (?, ?, ?, ?, FALSE, ?, ?)`,
      [slug, input.title, input.description, PERSONAL_POSITION + Number(owned?.n ?? 0), ownerId, now],
    );
    for (let start = 0; start < input.cards.length; start += INSERT_CHUNK) {
      const chunk = input.cards.slice(start, start + INSERT_CHUNK);
      await tx.run(
        `INSERT INTO "Card" (id, deckSlug, kind, front, back, evidence, topic, sources, position, retired)
         VALUES ${chunk.map(() => "(?, ?, 'basic', ?, ?, 'personal', ?, '[]', ?, FALSE)").join(", ")}`,
        chunk.flatMap((card, i) => [
          `${slug}-${start + i + 1}`,
          slug,
          card.front,
          card.back,
          card.tags.length ? card.tags.join(" ") : null,
          start + i,
        ]),
      );
      // DeckCard is what every read of "the cards of a deck" goes through (lib/sql/deck-membership).
      await tx.run(
        `INSERT INTO "DeckCard" (deckSlug, cardId, position) VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")}`,
        chunk.flatMap((_, i) => [slug, `${slug}-${start + i + 1}`, start + i]),
      );
    }
  });
  return slug;
}

/**
 * Deletes the owner's personal deck; its cards, schedules and review logs go with it (the
 * foreign keys cascade). Anyone else's deck, or a content deck, is "not found".
 */
export async function deletePersonalDeck(ownerId: string, slug: string): Promise<void> {
  const deleted = await sql().run('DELETE FROM "Deck" WHERE slug = ? AND ownerId = ?', [slug, ownerId]);
  if (deleted === 0) throw new NotFoundError("This deck does not exist.");
}
