import "server-only";
import { randomBytes } from "node:crypto";
import { type CardEditInput, checkCardEdit } from "@/lib/authoring/card-edit";
import {
  type CardPayload,
  cardPayloadSchema,
  type DraftItemView,
  type DraftStatus,
} from "@/lib/authoring/draft-item";
import { authoredDeckSlug, authoredItemId } from "@/lib/authoring/ids";
import { planPublish } from "@/lib/authoring/publish";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { draftItemView, getDraft, requireOwnDocument } from "./documents";

/** Authored decks sort with the owner's other decks, after the curated ones. */
const AUTHORED_POSITION = 1_000_000;

/** Marks items of the owner's document accepted, rejected or open again. Returns how many changed. */
export async function setDraftStatus(
  ownerId: string,
  documentId: string,
  itemIds: readonly string[],
  status: DraftStatus,
  now: Date,
): Promise<number> {
  await requireOwnDocument(ownerId, documentId);
  const ids = [...new Set(itemIds)];
  // All or nothing: a list naming an item this document does not have changes none of them.
  // Draft items are never deleted (only with their document), so the count cannot go stale.
  const known = await db.draftItem.count({ where: { documentId, id: { in: ids } } });
  if (known !== ids.length) throw new NotFoundError("Some of these items do not exist.");
  const { count } = await db.draftItem.updateMany({
    where: { documentId, id: { in: ids } },
    data: { status, updatedAt: now },
  });
  return count;
}

function cardPayload(previous: CardPayload | null, card: CardEditInput): CardPayload {
  return {
    target: "card",
    kind: card.kind,
    front: card.front,
    back: card.back,
    evidence: card.evidence,
    quote: card.quote,
    suggested: previous?.suggested ?? null,
    claim: previous?.claim ?? null,
    needsCheck: false,
    checkReason: null,
  };
}

/**
 * Saves the card editor: an edit of a card item (`itemId`) or a new card the author made, e.g.
 * from a selection in the document. The quote must still be in the document word for word and a
 * label stronger than its cues needs a reason (ValidationError with field errors otherwise). A
 * saved card is accepted; its id never changes, so a published card keeps its learners' progress.
 */
export async function saveDraftCard(
  ownerId: string,
  documentId: string,
  itemId: string | null,
  input: CardEditInput,
  now: Date,
): Promise<DraftItemView> {
  const doc = await requireOwnDocument(ownerId, documentId);
  const previous = itemId
    ? await db.draftItem.findFirst({
        where: { id: itemId, documentId },
        select: { payload: true, target: true },
      })
    : null;
  if (itemId && !previous) throw new NotFoundError("This card does not exist.");
  if (previous && previous.target !== "card")
    throw new ValidationError("Only cards are edited in the card editor.");
  const checked = checkCardEdit(doc.body, input);
  if (!checked.ok) throw new ValidationError("Please fix the highlighted fields.", checked.errors);
  const old = previous ? cardPayloadSchema.parse(JSON.parse(previous.payload)) : null;
  const payload = JSON.stringify(cardPayload(old, checked.card));
  if (itemId) {
    const row = await db.draftItem.update({
      where: { id: itemId },
      data: {
        payload,
        kind: checked.card.kind,
        status: "accepted",
        evidenceReason: checked.reason,
        updatedAt: now,
      },
    });
    return draftItemView(row);
  }
  const last = await db.draftItem.aggregate({ where: { documentId }, _max: { position: true } });
  const row = await db.draftItem.create({
    data: {
      id: authoredItemId(documentId, randomBytes(5).toString("hex")),
      documentId,
      position: (last._max.position ?? -1) + 1,
      status: "accepted",
      target: "card",
      kind: checked.card.kind,
      payload,
      evidenceReason: checked.reason,
      origin: "author",
      updatedAt: now,
    },
  });
  return draftItemView(row);
}

/**
 * Publishes the accepted items of the owner's draft as a deck: the first time a new deck, after
 * that the same deck, updated in place. Cards keep their ids (and so every learner's schedule);
 * what is no longer accepted is retired. One transaction: all of it or nothing.
 */
export async function publishDraft(
  ownerId: string,
  documentId: string,
  input: { title: string; description: string },
  now: Date,
): Promise<string> {
  const draft = await getDraft(ownerId, documentId);
  if (!draft) throw new NotFoundError("This document does not exist.");
  let slug = draft.document.deckSlug;
  const published = slug
    ? {
        cards: (
          await db.card.findMany({ where: { deckSlug: slug, retired: false }, select: { id: true } })
        ).map((c) => c.id),
        quiz: (
          await db.quizItem.findMany({ where: { deckSlug: slug, retired: false }, select: { id: true } })
        ).map((q) => q.id),
      }
    : { cards: [], quiz: [] };
  const plan = planPublish(documentId, draft.items, published);
  if (plan.cards.length === 0) throw new ValidationError("Accept at least one card before publishing.");
  // Ids are global: a card id another deck already uses (never expected) must not be taken over.
  const foreign = await db.card.count({
    where: { id: { in: plan.cards.map((card) => card.id) }, ...(slug ? { deckSlug: { not: slug } } : {}) },
  });
  if (foreign > 0)
    throw new ValidationError("Some card ids are taken by another deck; nothing was published.");
  const isNew = !slug;
  slug ??= authoredDeckSlug(randomBytes(6).toString("hex"));
  const deckSlug = slug;
  const owned = isNew ? await db.deck.count({ where: { ownerId } }) : 0;
  await db.$transaction([
    isNew
      ? db.deck.create({
          data: {
            slug: deckSlug,
            title: input.title,
            description: input.description,
            position: AUTHORED_POSITION + owned,
            ownerId,
            createdAt: now,
          },
        })
      : db.deck.update({
          where: { slug: deckSlug },
          data: { title: input.title, description: input.description },
        }),
    db.userDocument.update({ where: { id: documentId }, data: { deckSlug } }),
    ...plan.cards.map(({ id, ...card }) =>
      db.card.upsert({
        where: { id },
        create: { id, deckSlug, ...card, retired: false },
        update: { ...card, retired: false },
      }),
    ),
    // Every deck lists the cards it teaches in DeckCard (lib/seed/content does the same for content).
    ...plan.cards.map((card) =>
      db.deckCard.upsert({
        where: { deckSlug_cardId: { deckSlug, cardId: card.id } },
        create: { deckSlug, cardId: card.id, position: card.position },
        update: { position: card.position },
      }),
    ),
    ...plan.quiz.map(({ id, ...item }) =>
      db.quizItem.upsert({
        where: { id },
        create: { id, deckSlug, ...item, retired: false },
        update: { ...item, retired: false },
      }),
    ),
    db.card.updateMany({ where: { deckSlug, id: { in: plan.retireCards } }, data: { retired: true } }),
    db.quizItem.updateMany({ where: { deckSlug, id: { in: plan.retireQuiz } }, data: { retired: true } }),
  ]);
  return deckSlug;
}
