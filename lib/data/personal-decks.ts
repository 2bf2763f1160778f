import "server-only";
import { randomBytes } from "node:crypto";
import { cache } from "react";
import { REVERSE_SUFFIX } from "@/lib/authoring/ids";
import { NotFoundError, ValidationError } from "@/lib/errors";
import {
  CARD_IMPORT_LIMITS,
  type CardFile,
  type Delimiter,
  type ImportedCard,
  importableCards,
} from "@/lib/exchange/card-import";
import { readCardBytes } from "@/lib/exchange/card-reader";
import { type Database, query, type Tx, transaction } from "@/lib/query";

/**
 * A learner's personal decks: cards they imported themselves. A personal deck is a Deck row with
 * ownerId set; lib/data/content, study, stats and dashboard show it to its owner only, trainers
 * cannot assign it, and the content seed leaves it alone. Its cards are "basic" (or "cloze" when
 * the front holds {{c1::…}}), cite nothing and carry the "personal" evidence level.
 */

/** Personal decks sort after the curated ones (whose positions are small), in the order made. */
const PERSONAL_POSITION = 1_000_000;
/** How long a hidden deck may stay unfinished before the owner's next import removes it. */
const UNFINISHED_IMPORT_MS = 10 * 60_000;
/** Rows per INSERT: 10 parameters each, well under both databases' limits. */
const INSERT_CHUNK = 200;

/** What one account may keep, so one client cannot fill the disk (issue 13). */
export const PERSONAL_LIMITS = { maxDecks: 50, maxCards: 20_000 } as const;

export interface CardUpload {
  /** Its cards: all of them, or the first few when read for a preview (see `cardCount`). */
  file: CardFile;
  cardCount: number;
  /** SHA-256 of the bytes read: the confirm step must send the same file as the preview. */
  digest: string;
}

/**
 * Reads an uploaded file into cards or line-numbered problems, in a worker thread. Writes nothing.
 * The size is checked before the file is read (the form checks it too, but a request can skip the form).
 */
export async function readCardUpload(
  file: File,
  delimiter?: Delimiter,
  options: { sample?: number } = {},
): Promise<CardUpload> {
  if (file.size > CARD_IMPORT_LIMITS.maxBytes) throw new ValidationError("The file is larger than 5 MB.");
  const reading = await readCardBytes(new Uint8Array(await file.arrayBuffer()), delimiter, options.sample);
  if ("refused" in reading) throw new ValidationError(reading.refused);
  return reading;
}

/**
 * The file of a confirm step could not be imported: it changed since its preview, or it has
 * problems. Nothing was written; `upload` is the file as read now, for a fresh preview.
 */
export class ImportRejectedError extends ValidationError {
  constructor(
    message: string,
    readonly upload: CardUpload,
  ) {
    super(message);
  }
}

/** The account already keeps as many decks or cards as it may: nothing was written. */
export class PersonalLimitError extends ValidationError {}

/**
 * The confirm step: reads the file again and writes it as a new personal deck only when it is the
 * file previewed (same SHA-256) and it reads to its end without problems, or, when
 * `skipProblemLines` is set, with problems on some lines only (those lines are left out).
 * Returns the new deck's slug.
 */
export async function importCardUpload(
  ownerId: string,
  input: { file: File; delimiter?: Delimiter; title: string; digest: string; skipProblemLines?: boolean },
  now: Date,
): Promise<string> {
  const upload = await readCardUpload(input.file, input.delimiter);
  if (upload.digest !== input.digest)
    throw new ImportRejectedError("The file changed since the preview. Check the new preview.", upload);
  const importable = importableCards(upload.file, input.skipProblemLines ?? false);
  if (!importable.ok) throw new ImportRejectedError(importable.message, upload);
  return createPersonalDeck(
    ownerId,
    {
      title: input.title,
      description: `Your own cards, imported from ${input.file.name.slice(0, 100)}.`,
      cards: importable.cards,
    },
    now,
  );
}

/** How many personal decks and cards the account keeps now. */
export async function personalUsage(
  ownerId: string,
  client: Database = query(),
): Promise<{ decks: number; cards: number }> {
  const row = await client
    .selectFrom("Deck")
    .select((eb) => [
      eb.fn.countAll<number>().as("decks"),
      eb
        .selectFrom("Card as c")
        .innerJoin("Deck as d", "d.slug", "c.deckSlug")
        .select(eb.fn.countAll<number>().as("n"))
        .where("d.ownerId", "=", ownerId)
        .as("cards"),
    ])
    .where("ownerId", "=", ownerId)
    .executeTakeFirst();
  return { decks: Number(row?.decks ?? 0), cards: Number(row?.cards ?? 0) };
}

/**
 * Takes the owner's User row lock for the rest of transaction `tx`: on PostgreSQL a second write
 * of the same account waits here until this one commits, so the two count one after the other
 * (SQLite's BEGIN IMMEDIATE already orders every writer). A no-op update, so it works on both.
 */
async function lockOwner(tx: Tx, ownerId: string): Promise<void> {
  await tx
    .updateTable("User")
    .set((eb) => ({ email: eb.ref("email") }))
    .where("id", "=", ownerId)
    .execute();
}

/**
 * Why the account cannot take `adding` more cards (in a new deck, unless `newDeck` is false), or
 * null when it can.
 */
export function personalLimitProblem(
  usage: { decks: number; cards: number },
  adding: number,
  newDeck = true,
): string | null {
  const { maxDecks, maxCards } = PERSONAL_LIMITS;
  const n = (value: number) => value.toLocaleString("en-GB");
  if (newDeck && usage.decks >= maxDecks)
    return `You have ${n(usage.decks)} decks of your own, the most an account can keep. Delete one to make another.`;
  if (usage.cards + adding > maxCards)
    return `You have ${n(usage.cards)} cards of your own; with ${n(adding)} more you would pass the ${n(maxCards)} an account can keep. Delete a deck or add fewer cards.`;
  return null;
}

/**
 * The caps of every write that adds decks or cards of an account's own (an import, a deck published
 * from a document, a card added to a deck), checked inside that write's transaction `tx`: takes the
 * owner's row lock first, so two writes of one account count one after the other on PostgreSQL too
 * (SQLite's write lock already orders them), removes imports a crash cut off, then counts. Refuses
 * with PersonalLimitError; returns the usage before this write.
 */
export async function claimPersonalCapacity(
  tx: Tx,
  ownerId: string,
  adding: { decks: 0 | 1; cards: number },
  now: Date,
): Promise<{ decks: number; cards: number }> {
  await lockOwner(tx, ownerId);
  // Nothing else hides a personal deck: a hidden one is an import a crash cut off.
  await tx
    .deleteFrom("Deck")
    .where("ownerId", "=", ownerId)
    .where("retired", "=", true)
    .where("createdAt", "<", new Date(now.getTime() - UNFINISHED_IMPORT_MS))
    .execute();
  const owned = await personalUsage(ownerId, tx);
  const limit = personalLimitProblem(owned, adding.cards, adding.decks > 0);
  if (limit) throw new PersonalLimitError(limit);
  return owned;
}

/** A card of an imported deck, in file order; a "reversed" one also gets its mirror. */
export type PersonalDeckCardInput = Pick<ImportedCard, "front" | "back" | "tags"> & {
  kind: ImportedCard["kind"] | "reversed";
};

/** The id of the `index`-th (0-based) card of an imported deck; its mirror adds REVERSE_SUFFIX. */
export function personalCardId(slug: string, index: number): string {
  return `${slug}-${index + 1}`;
}

/** A slug no content deck uses ("p-" and 12 random hex digits; content slugs are words). */
function personalSlug(): string {
  return `p-${randomBytes(6).toString("hex")}`;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Creates a personal deck with its cards: all of them or, to its owner, nothing. The deck is
 * written hidden (retired) and its cards in short transactions of INSERT_CHUNK, yielding between
 * them, so other learners' reviews are not held behind one 5,000-card write (issue 13); a last
 * statement shows the deck. The cards must come from a file read without errors (the caller checks).
 */
export async function createPersonalDeck(
  ownerId: string,
  input: { title: string; description: string; cards: readonly PersonalDeckCardInput[] },
  now: Date,
  options: { afterCards?: (slug: string) => Promise<void> } = {},
): Promise<string> {
  if (input.cards.length === 0 || input.cards.length > CARD_IMPORT_LIMITS.maxCards)
    throw new ValidationError("There are no cards to import.");
  // A reversed card is studied twice: it and its mirror (answer side first) both count.
  const adding = input.cards.reduce((sum, card) => sum + (card.kind === "reversed" ? 2 : 1), 0);
  const slug = personalSlug();
  await transaction(async (tx) => {
    // The hidden deck and its card count are in the caps from here on, so a concurrent import of
    // the same account sees them.
    const owned = await claimPersonalCapacity(tx, ownerId, { decks: 1, cards: adding }, now);
    await tx
      .insertInto("Deck")
      .values({
        slug,
        title: input.title,
        description: input.description,
        position: PERSONAL_POSITION + owned.decks,
        retired: true,
        ownerId,
        createdAt: now,
      })
      .execute();
  });
  try {
    for (let start = 0; start < input.cards.length; start += INSERT_CHUNK) {
      const rows = input.cards.slice(start, start + INSERT_CHUNK).flatMap((card, i) => {
        const id = personalCardId(slug, start + i);
        const tags = card.tags.length ? card.tags.join(" ") : null;
        const row = { id, kind: card.kind, front: card.front, back: card.back, tags, position: start + i };
        if (card.kind !== "reversed") return [row];
        // The mirror as the card editor writes it (lib/data/personal-cards.ts), after the deck's own cards.
        const mirror = {
          ...row,
          id: `${id}${REVERSE_SUFFIX}`,
          kind: "reverse",
          front: card.back,
          back: card.front,
        };
        return [row, { ...mirror, position: start + i + 1_000_000 }];
      });
      await transaction(async (tx) => {
        await tx
          .insertInto("Card")
          .values(
            rows.map((row) => ({
              id: row.id,
              deckSlug: slug,
              kind: row.kind,
              front: row.front,
              back: row.back,
              evidence: "personal",
              topic: row.tags,
              sources: "[]",
              position: row.position,
              retired: false,
            })),
          )
          .execute();
        // DeckCard is what every read of "the cards of a deck" goes through (lib/query/deck-membership).
        await tx
          .insertInto("DeckCard")
          .values(rows.map((row) => ({ deckSlug: slug, cardId: row.id, position: row.position })))
          .execute();
      });
      await nextTurn();
    }
    // Still hidden: what else the import brings (an .apkg's schedules and history) is written here.
    if (options.afterCards) await options.afterCards(slug);
    await transaction(async (tx) => {
      // Two imports of one account may write side by side: the card cap is checked again against
      // the decks already shown, in the owner's row lock, before this one is shown.
      await lockOwner(tx, ownerId);
      const shown = await tx
        .selectFrom("Card as c")
        .innerJoin("Deck as d", "d.slug", "c.deckSlug")
        .select((eb) => eb.fn.countAll<number>().as("cards"))
        .where("d.ownerId", "=", ownerId)
        .where("d.retired", "=", false)
        .executeTakeFirst();
      const limit = personalLimitProblem({ decks: 0, cards: Number(shown?.cards ?? 0) }, adding);
      if (limit) throw new PersonalLimitError(limit);
      await tx.updateTable("Deck").set({ retired: false }).where("slug", "=", slug).execute();
    });
  } catch (error) {
    // Cards and memberships go with the deck (ON DELETE CASCADE).
    await query()
      .deleteFrom("Deck")
      .where("slug", "=", slug)
      .execute()
      .catch(() => undefined);
    throw error;
  }
  return slug;
}

/** A personal deck as its page lists it: the deck, and how many cards it has. */
export interface PersonalDeckSummary {
  slug: string;
  title: string;
  description: string;
  cardCount: number;
}

/** One listed card of a personal deck, in the shape the deck page's card items take. */
export interface PersonalDeckCard {
  id: string;
  kind: string;
  front: string;
  back: string;
  evidence: "personal";
  topic: string | null;
  sources: [];
}

/**
 * The owner's imported deck, without its cards; null for anyone else's deck, a content deck or a
 * deck published from a document.
 * Cached per request (the page and its metadata both ask).
 */
export const getPersonalDeck = cache(
  async (ownerId: string, slug: string): Promise<PersonalDeckSummary | null> => {
    const deck = await query()
      .selectFrom("Deck as d")
      .select(["d.slug", "d.title", "d.description"])
      .where("d.slug", "=", slug)
      .where("d.ownerId", "=", ownerId)
      .where("d.retired", "=", false)
      // A deck published from a document is not an imported one: getDeck lists it, with its levels.
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("UserDocument as u").select("u.id").whereRef("u.deckSlug", "=", "d.slug"))),
      )
      .executeTakeFirst();
    if (!deck) return null;
    const count = await query()
      .selectFrom("DeckCard")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("deckSlug", "=", slug)
      .executeTakeFirst();
    return { ...deck, cardCount: Number(count?.n ?? 0) };
  },
);

/**
 * One page of a personal deck's cards, in order. A 5,000-card deck is read a page at a time
 * (getDeck reads and checks every card of a deck, which suits the small content decks). Imported
 * cards are never retired or reversed copies, so every row of the deck is listed.
 */
export async function getPersonalDeckCards(
  deck: PersonalDeckSummary,
  offset: number,
  limit: number,
): Promise<PersonalDeckCard[]> {
  // The deck's own list (DeckCard, lib/query/deck-membership), in its order.
  const rows = await query()
    .selectFrom("Card as c")
    .innerJoin("DeckCard as m", "m.cardId", "c.id")
    .select(["c.id", "c.kind", "c.front", "c.back", "c.topic"])
    .where("m.deckSlug", "=", deck.slug)
    .orderBy("m.position")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => ({ ...row, evidence: "personal", sources: [] }));
}

/**
 * Deletes the owner's personal deck; its cards, schedules and review logs go with it (the
 * foreign keys cascade). Anyone else's deck, or a content deck, is "not found".
 */
export async function deletePersonalDeck(ownerId: string, slug: string): Promise<void> {
  const { numDeletedRows } = await query()
    .deleteFrom("Deck")
    .where("slug", "=", slug)
    .where("ownerId", "=", ownerId)
    .executeTakeFirstOrThrow();
  if (numDeletedRows === 0n) throw new NotFoundError("This deck does not exist.");
}
