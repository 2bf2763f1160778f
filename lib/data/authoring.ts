import "server-only";
import { randomBytes } from "node:crypto";
import { type CardEditInput, checkCardEdit } from "@/lib/authoring/card-edit";
import {
  type CardPayload,
  cardPayloadSchema,
  type DraftItemView,
  type DraftStatus,
  quizPayloadSchema,
} from "@/lib/authoring/draft-item";
import { toDraftItem } from "@/lib/authoring/from-proposal";
import { authoredDeckSlug, authoredItemId } from "@/lib/authoring/ids";
import { planPublish } from "@/lib/authoring/publish";
import { checkQuizEdit, type QuizEditInput } from "@/lib/authoring/quiz-edit";
import { findQuote } from "@/lib/content/quotes";
import { db } from "@/lib/db";
import { proposeSelectionInWorker } from "@/lib/documents/run-in-worker";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { transaction } from "@/lib/query";
import { draftItemView, getDraft, requireOwnDocument } from "./documents";
import { claimPersonalCapacity } from "./personal-decks";

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
 * A card drafted from text the author selected in their document, to prefill the card editor:
 * front, back (a cloze on the key term, or a basic card), and the suggested level with the cue
 * words behind it (lib/propose proposeFromSelection, run in the document worker). The selection
 * must be in the document word for word; the quote returned is the document's own characters.
 * Nothing is stored: the author saves the card from the editor.
 */
export async function draftCardFromSelection(
  ownerId: string,
  documentId: string,
  selected: string,
): Promise<CardPayload> {
  const doc = await requireOwnDocument(ownerId, documentId);
  const range = findQuote(doc.body, selected);
  if (!range)
    throw new ValidationError("The selection is not in the document word for word.", {
      quote: ["Select the passage in the document again."],
    });
  const proposal = await proposeSelectionInWorker({
    text: doc.body,
    document: documentId,
    title: doc.title,
    start: range.start,
    end: range.end,
  });
  const draft = proposal ? toDraftItem(proposal) : null;
  if (draft?.payload.target !== "card")
    throw new ValidationError("Select at least a few words of one passage to make a card.", {
      quote: ["Select at least a few words of one passage to make a card."],
    });
  return draft.payload;
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
 * Saves the question editor: an edit of a proposed question (multiple choice, true/false,
 * matching, evidence check) of the owner's document. Its kind stays; its options, right answer,
 * pairs and quotes are checked (lib/authoring/quiz-edit); a ValidationError with field errors
 * otherwise, and nothing changes. A saved question is accepted and keeps its id.
 */
export async function saveDraftQuiz(
  ownerId: string,
  documentId: string,
  itemId: string,
  input: QuizEditInput,
  now: Date,
): Promise<DraftItemView> {
  const doc = await requireOwnDocument(ownerId, documentId);
  const previous = await db.draftItem.findFirst({
    where: { id: itemId, documentId },
    select: { payload: true, target: true },
  });
  if (!previous) throw new NotFoundError("This question does not exist.");
  if (previous.target !== "quiz")
    throw new ValidationError("Only questions are edited in the question editor.");
  const checked = checkQuizEdit(doc.body, quizPayloadSchema.parse(JSON.parse(previous.payload)), input);
  if (!checked.ok) throw new ValidationError("Please fix the highlighted fields.", checked.errors);
  const row = await db.draftItem.update({
    where: { id: itemId },
    data: {
      payload: JSON.stringify(checked.payload),
      status: "accepted",
      evidenceReason: checked.reason,
      updatedAt: now,
    },
  });
  return draftItemView(row);
}

/** Rows per multi-row INSERT: at most 13 parameters each, well under both databases' limits. */
const PUBLISH_CHUNK = 100;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += PUBLISH_CHUNK)
    out.push(rows.slice(start, start + PUBLISH_CHUNK));
  return out;
}

/**
 * Publishes the accepted items of the owner's draft as a deck: the first time a new deck, after
 * that the same deck, updated in place. Cards keep their ids (and so every learner's schedule);
 * what is no longer accepted is retired. One transaction: all of it or nothing. A deck and its
 * new cards count toward the account's caps (lib/data/personal-decks claimPersonalCapacity),
 * checked inside that transaction.
 */
export async function publishDraft(
  ownerId: string,
  documentId: string,
  input: { title: string; description: string },
  now: Date,
): Promise<string> {
  const draft = await getDraft(ownerId, documentId);
  if (!draft) throw new NotFoundError("This document does not exist.");
  const planned = draft.document.deckSlug;
  const published = planned
    ? {
        cards: (
          await db.card.findMany({ where: { deckSlug: planned, retired: false }, select: { id: true } })
        ).map((c) => c.id),
        quiz: (
          await db.quizItem.findMany({ where: { deckSlug: planned, retired: false }, select: { id: true } })
        ).map((q) => q.id),
      }
    : { cards: [], quiz: [] };
  const plan = planPublish(documentId, draft.items, published);
  if (plan.cards.length === 0) throw new ValidationError("Accept at least one card before publishing.");
  const deckSlug = planned ?? authoredDeckSlug(randomBytes(6).toString("hex"));
  const cardIds = plan.cards.map((card) => card.id);
  await transaction(async (tx) => {
    // Another publish of this document finished first (it made the deck): publish again on top of it.
    const current = await tx
      .selectFrom("UserDocument")
      .select("deckSlug")
      .where("id", "=", documentId)
      .where("ownerId", "=", ownerId)
      .executeTakeFirst();
    if (!current) throw new NotFoundError("This document does not exist.");
    if (current.deckSlug !== planned)
      throw new ConflictError("This document was published meanwhile. Reload the page and publish again.");
    // Ids are global: a card id another deck already uses (never expected) must not be taken over.
    const existing = new Set<string>();
    for (const chunk of chunks(cardIds)) {
      const rows = await tx.selectFrom("Card").select(["id", "deckSlug"]).where("id", "in", chunk).execute();
      for (const row of rows) {
        if (row.deckSlug !== deckSlug)
          throw new ValidationError("Some card ids are taken by another deck; nothing was published.");
        existing.add(row.id);
      }
    }
    const adding = cardIds.filter((id) => !existing.has(id)).length;
    const owned = await claimPersonalCapacity(tx, ownerId, { decks: planned ? 0 : 1, cards: adding }, now);
    if (planned)
      await tx
        .updateTable("Deck")
        .set({ title: input.title, description: input.description })
        .where("slug", "=", deckSlug)
        .execute();
    else
      await tx
        .insertInto("Deck")
        .values({
          slug: deckSlug,
          title: input.title,
          description: input.description,
          position: AUTHORED_POSITION + owned.decks,
          retired: false,
          ownerId,
          createdAt: now,
        })
        .execute();
    await tx.updateTable("UserDocument").set({ deckSlug }).where("id", "=", documentId).execute();
    for (const chunk of chunks(plan.cards)) {
      await tx
        .insertInto("Card")
        .values(
          chunk.map((c) => ({
            id: c.id,
            deckSlug,
            kind: c.kind,
            front: c.front,
            back: c.back,
            evidence: c.evidence,
            evidenceReason: c.evidenceReason,
            sources: c.sources,
            position: c.position,
            retired: false,
          })),
        )
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            kind: eb.ref("excluded.kind"),
            front: eb.ref("excluded.front"),
            back: eb.ref("excluded.back"),
            evidence: eb.ref("excluded.evidence"),
            evidenceReason: eb.ref("excluded.evidenceReason"),
            sources: eb.ref("excluded.sources"),
            position: eb.ref("excluded.position"),
            retired: false,
          })),
        )
        .execute();
      // Every deck lists the cards it teaches in DeckCard (lib/seed/content does the same for content).
      await tx
        .insertInto("DeckCard")
        .values(chunk.map((c) => ({ deckSlug, cardId: c.id, position: c.position })))
        .onConflict((oc) =>
          oc.columns(["deckSlug", "cardId"]).doUpdateSet((eb) => ({ position: eb.ref("excluded.position") })),
        )
        .execute();
    }
    for (const chunk of chunks(plan.quiz)) {
      await tx
        .insertInto("QuizItem")
        .values(
          chunk.map((q) => ({
            id: q.id,
            deckSlug,
            kind: q.kind,
            prompt: q.prompt,
            choices: q.choices,
            answer: q.answer,
            explanation: q.explanation,
            evidence: q.evidence,
            evidenceReason: q.evidenceReason,
            sources: q.sources,
            cardIds: q.cardIds,
            position: q.position,
            retired: false,
          })),
        )
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            kind: eb.ref("excluded.kind"),
            prompt: eb.ref("excluded.prompt"),
            choices: eb.ref("excluded.choices"),
            answer: eb.ref("excluded.answer"),
            explanation: eb.ref("excluded.explanation"),
            evidence: eb.ref("excluded.evidence"),
            evidenceReason: eb.ref("excluded.evidenceReason"),
            sources: eb.ref("excluded.sources"),
            cardIds: eb.ref("excluded.cardIds"),
            position: eb.ref("excluded.position"),
            retired: false,
          })),
        )
        .execute();
    }
    for (const chunk of chunks(plan.retireCards))
      await tx
        .updateTable("Card")
        .set({ retired: true })
        .where("deckSlug", "=", deckSlug)
        .where("id", "in", chunk)
        .execute();
    for (const chunk of chunks(plan.retireQuiz))
      await tx
        .updateTable("QuizItem")
        .set({ retired: true })
        .where("deckSlug", "=", deckSlug)
        .where("id", "in", chunk)
        .execute();
  });
  return deckSlug;
}
