import "server-only";
import { randomBytes } from "node:crypto";
import { REVERSE_SUFFIX } from "@/lib/authoring/ids";
import type { PersonalCardInput } from "@/lib/authoring/personal-card";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

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

/** The card's reversed twin follows its kind: there for a reversed card, retired otherwise. */
function mirrorWrite(
  slug: string,
  id: string,
  card: PersonalCardInput,
  position: number,
): Prisma.PrismaPromise<unknown>[] {
  const mirrorId = `${id}${REVERSE_SUFFIX}`;
  if (card.kind !== "reversed")
    return [db.card.updateMany({ where: { id: mirrorId, deckSlug: slug }, data: { retired: true } })];
  const data = { front: card.back, back: card.front, retired: false };
  const mirror = db.card.upsert({
    where: { id: mirrorId },
    create: {
      id: mirrorId,
      deckSlug: slug,
      kind: "reverse",
      evidence: "personal",
      sources: "[]",
      position: position + 1_000_000,
      ...data,
    },
    update: data,
  });
  // The study queue reads a deck's cards through DeckCard (lib/sql/deck-membership): the mirror too.
  const member = db.deckCard.upsert({
    where: { deckSlug_cardId: { deckSlug: slug, cardId: mirrorId } },
    create: { deckSlug: slug, cardId: mirrorId, position: position + 1_000_000 },
    update: {},
  });
  return [mirror, member];
}

export async function addPersonalCard(
  ownerId: string,
  slug: string,
  card: PersonalCardInput,
): Promise<string> {
  await ownImportedDeck(ownerId, slug);
  const last = await db.card.aggregate({ where: { deckSlug: slug }, _max: { position: true } });
  const position = (last._max.position ?? -1) + 1;
  const id = `${slug}-a${randomBytes(5).toString("hex")}`;
  await db.$transaction([
    db.card.create({
      data: {
        id,
        deckSlug: slug,
        kind: card.kind,
        front: card.front,
        back: card.back,
        evidence: "personal",
        sources: "[]",
        position,
      },
    }),
    ...mirrorWrite(slug, id, card, position),
    db.deckCard.create({ data: { deckSlug: slug, cardId: id, position } }),
  ]);
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
): Promise<void> {
  const card = await ownCard(ownerId, cardId);
  await db.$transaction([
    db.card.update({
      where: { id: card.id },
      data: { kind: input.kind, front: input.front, back: input.back, retired: false },
    }),
    ...mirrorWrite(card.deckSlug, card.id, input, card.position),
  ]);
}

/** Retires a card (and its reversed twin): no longer studied, its history kept. */
export async function retirePersonalCard(ownerId: string, cardId: string): Promise<void> {
  const card = await ownCard(ownerId, cardId);
  await db.card.updateMany({
    where: { deckSlug: card.deckSlug, id: { in: [card.id, `${card.id}${REVERSE_SUFFIX}`] } },
    data: { retired: true },
  });
}
