import "server-only";
import { randomBytes } from "node:crypto";
import { REVERSE_SUFFIX } from "@/lib/authoring/ids";
import type { PersonalCardInput } from "@/lib/authoring/personal-card";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { type Tx, transaction } from "@/lib/query";
import { claimPersonalCapacity } from "./personal-decks";

/**
 * The card editor of a personal deck its owner imported: add, edit, retire. Ids never change
 * and a retired card keeps its history, so progress survives every edit. Decks published from a
 * document are edited in their review view instead (their cards must quote it).
 */

export interface EditableDeck {
  slug: string;
  title: string;
  /** The document an authored deck was published from: its cards are edited there. */
  documentId: string | null;
  cards: {
    id: string;
    kind: string;
    front: string;
    back: string;
    retired: boolean;
    imageId: string | null;
  }[];
}

export async function getEditableDeck(ownerId: string, slug: string): Promise<EditableDeck | null> {
  const deck = await db.deck.findFirst({
    where: { slug, ownerId, retired: false },
    select: {
      slug: true,
      title: true,
      userDocuments: { select: { id: true } },
      cards: {
        where: { kind: { not: "reverse" } },
        orderBy: { position: "asc" },
        select: { id: true, kind: true, front: true, back: true, retired: true, imageId: true },
      },
    },
  });
  if (!deck) return null;
  return {
    slug: deck.slug,
    title: deck.title,
    documentId: deck.userDocuments[0]?.id ?? null,
    cards: deck.cards,
  };
}

async function ownImportedDeck(ownerId: string, slug: string) {
  const deck = await getEditableDeck(ownerId, slug);
  if (!deck) throw new NotFoundError("This deck does not exist.");
  if (deck.documentId) throw new ValidationError("Edit this deck's cards in the review of its document.");
  return deck;
}

/**
 * The card's reversed twin follows its kind: there for a reversed card, retired otherwise. Returns
 * how many Card rows it would add (1 when a reversed card's twin does not exist yet), for the caps.
 */
async function mirrorWrite(
  tx: Tx,
  slug: string,
  id: string,
  card: PersonalCardInput,
  position: number,
): Promise<void> {
  const mirrorId = `${id}${REVERSE_SUFFIX}`;
  if (card.kind !== "reversed") {
    await tx
      .updateTable("Card")
      .set({ retired: true })
      .where("id", "=", mirrorId)
      .where("deckSlug", "=", slug)
      .execute();
    return;
  }
  await tx
    .insertInto("Card")
    .values({
      id: mirrorId,
      deckSlug: slug,
      kind: "reverse",
      front: card.back,
      back: card.front,
      evidence: "personal",
      sources: "[]",
      position: position + 1_000_000,
      retired: false,
    })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        front: eb.ref("excluded.front"),
        back: eb.ref("excluded.back"),
        retired: false,
      })),
    )
    .execute();
  // The study queue reads a deck's cards through DeckCard (lib/query/deck-membership): the mirror too.
  await tx
    .insertInto("DeckCard")
    .values({ deckSlug: slug, cardId: mirrorId, position: position + 1_000_000 })
    .onConflict((oc) => oc.columns(["deckSlug", "cardId"]).doNothing())
    .execute();
}

/**
 * Adds a card (and its reversed twin) to the owner's imported deck, within the account's caps,
 * checked in the same transaction as the write (lib/data/personal-decks claimPersonalCapacity).
 */
export async function addPersonalCard(
  ownerId: string,
  slug: string,
  card: PersonalCardInput,
  now: Date,
): Promise<string> {
  await ownImportedDeck(ownerId, slug);
  const id = `${slug}-a${randomBytes(5).toString("hex")}`;
  await transaction(async (tx) => {
    await claimPersonalCapacity(tx, ownerId, { decks: 0, cards: card.kind === "reversed" ? 2 : 1 }, now);
    const last = await tx
      .selectFrom("Card")
      .select((eb) => eb.fn.max("position").as("position"))
      .where("deckSlug", "=", slug)
      .where("kind", "<>", "reverse")
      .executeTakeFirst();
    const position = Number(last?.position ?? -1) + 1;
    await tx
      .insertInto("Card")
      .values({
        id,
        deckSlug: slug,
        kind: card.kind,
        front: card.front,
        back: card.back,
        evidence: "personal",
        sources: "[]",
        position,
        retired: false,
      })
      .execute();
    await tx.insertInto("DeckCard").values({ deckSlug: slug, cardId: id, position }).execute();
    await mirrorWrite(tx, slug, id, card, position);
  });
  return id;
}

async function ownCard(ownerId: string, cardId: string) {
  const card = await db.card.findFirst({
    where: { id: cardId, kind: { not: "reverse" }, deck: { ownerId, retired: false } },
    select: { id: true, deckSlug: true, position: true },
  });
  if (!card) throw new NotFoundError("This card does not exist.");
  await ownImportedDeck(ownerId, card.deckSlug);
  return card;
}

export async function editPersonalCard(
  ownerId: string,
  cardId: string,
  input: PersonalCardInput,
  now: Date,
): Promise<void> {
  const card = await ownCard(ownerId, cardId);
  await transaction(async (tx) => {
    // Turning a card reversed adds its twin, a card of its own for the caps.
    if (input.kind === "reversed") {
      const twin = await tx
        .selectFrom("Card")
        .select("id")
        .where("id", "=", `${card.id}${REVERSE_SUFFIX}`)
        .executeTakeFirst();
      if (!twin) await claimPersonalCapacity(tx, ownerId, { decks: 0, cards: 1 }, now);
    }
    await tx
      .updateTable("Card")
      .set({ kind: input.kind, front: input.front, back: input.back, retired: false })
      .where("id", "=", card.id)
      .execute();
    await mirrorWrite(tx, card.deckSlug, card.id, input, card.position);
  });
}

/** Retires a card (and its reversed twin): no longer studied, its history kept. */
export async function retirePersonalCard(ownerId: string, cardId: string): Promise<void> {
  const card = await ownCard(ownerId, cardId);
  await db.card.updateMany({
    where: { deckSlug: card.deckSlug, id: { in: [card.id, `${card.id}${REVERSE_SUFFIX}`] } },
    data: { retired: true },
  });
}
