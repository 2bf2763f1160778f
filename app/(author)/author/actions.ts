"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type FieldErrors, failure, fieldErrors } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { cardEditSchema } from "@/lib/authoring/card-edit";
import type { CardPayload, DraftItemView } from "@/lib/authoring/draft-item";
import { quizEditSchema } from "@/lib/authoring/quiz-edit";
import {
  draftCardFromSelection,
  publishDraft,
  saveDraftCard,
  saveDraftQuiz,
  setDraftStatus,
} from "@/lib/data/authoring";
import { ValidationError } from "@/lib/errors";
import {
  cardEditorSchema,
  draftStatusSchema,
  publishSchema,
  quizEditorIdsSchema,
  selectionSchema,
} from "@/lib/validations/document";
import { assertFormData } from "@/lib/validations/form-data";

export type StatusResult = { ok: true; count: number } | { ok: false; message: string; errors: FieldErrors };
export type CardResult =
  | { ok: true; item: DraftItemView }
  | { ok: false; message: string; errors: FieldErrors };
export type SelectionResult =
  | { ok: true; card: CardPayload }
  | { ok: false; message: string; errors: FieldErrors };
export type PublishState = { ok: false; message: string; errors: FieldErrors } | null;

const fields = (formData: FormData, names: readonly string[]) =>
  Object.fromEntries(names.flatMap((name) => (formData.has(name) ? [[name, formData.get(name)]] : [])));

/** Accept, reject or reopen draft items of the caller's own document. */
export async function setDraftStatusAction(formData: FormData): Promise<StatusResult> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = draftStatusSchema.safeParse({
      ...fields(formData, ["documentId", "status"]),
      itemIds: formData.getAll("itemIds"),
    });
    if (!parsed.success)
      return {
        ok: false,
        message: "This change could not be read.",
        errors: fieldErrors(parsed.error.issues),
      };
    const { documentId, itemIds, status } = parsed.data;
    const count = await setDraftStatus(user.id, documentId, itemIds, status, new Date());
    return { ok: true, count };
  } catch (error) {
    return failure(error, "author status");
  }
}

/** Saves the card editor (an edit, or a new card from a selection) for the caller's own document. */
export async function saveCardAction(formData: FormData): Promise<CardResult> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = cardEditorSchema.safeParse(
      fields(formData, ["documentId", "itemId", "kind", "front", "back", "evidence", "quote", "reason"]),
    );
    if (!parsed.success)
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors(parsed.error.issues),
      };
    const { documentId, itemId, ...card } = parsed.data;
    const input = cardEditSchema.safeParse(card);
    if (!input.success)
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors(input.error.issues),
      };
    const item = await saveDraftCard(user.id, documentId, itemId ?? null, input.data, new Date());
    return { ok: true, item };
  } catch (error) {
    if (error instanceof ValidationError)
      return { ok: false, message: error.message, errors: error.fieldErrors };
    return failure(error, "author card");
  }
}

/** Saves the question editor (an edit of a proposed question) for the caller's own document. */
export async function saveQuizAction(formData: FormData): Promise<CardResult> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const ids = quizEditorIdsSchema.safeParse(fields(formData, ["documentId", "itemId"]));
    const lefts = formData.getAll("left");
    const rights = formData.getAll("right");
    const input = quizEditSchema.safeParse({
      ...fields(formData, ["prompt", "explanation", "evidence", "reason"]),
      answer: formData.get("answer") ?? null,
      choices: formData.getAll("choice"),
      pairs: lefts.map((left, i) => ({ left, right: rights[i] ?? "" })),
      quotes: formData.getAll("quote"),
    });
    if (!ids.success || !input.success)
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors([...(ids.error?.issues ?? []), ...(input.error?.issues ?? [])]),
      };
    const { documentId, itemId } = ids.data;
    const item = await saveDraftQuiz(user.id, documentId, itemId, input.data, new Date());
    return { ok: true, item };
  } catch (error) {
    if (error instanceof ValidationError)
      return { ok: false, message: error.message, errors: error.fieldErrors };
    return failure(error, "author question");
  }
}

/** Drafts a card from text selected in the caller's own document, to prefill the card editor. */
export async function draftSelectionAction(formData: FormData): Promise<SelectionResult> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = selectionSchema.safeParse(fields(formData, ["documentId", "text"]));
    if (!parsed.success)
      return {
        ok: false,
        message: parsed.error.issues[0]?.message ?? "The selection could not be read.",
        errors: fieldErrors(parsed.error.issues),
      };
    const card = await draftCardFromSelection(user.id, parsed.data.documentId, parsed.data.text);
    return { ok: true, card };
  } catch (error) {
    if (error instanceof ValidationError)
      return { ok: false, message: error.message, errors: error.fieldErrors };
    return failure(error, "author selection");
  }
}

/** Publishes the caller's draft as a deck (or updates the deck it was published as). */
export async function publishAction(_previous: PublishState, formData: FormData): Promise<PublishState> {
  let slug: string;
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = publishSchema.safeParse(fields(formData, ["documentId", "title", "description"]));
    if (!parsed.success)
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors(parsed.error.issues),
      };
    const { documentId, title, description } = parsed.data;
    slug = await publishDraft(
      user.id,
      documentId,
      { title, description: description || `Cards from “${title}”.` },
      new Date(),
    );
  } catch (error) {
    return failure(error, "author publish");
  }
  revalidatePath("/decks");
  revalidatePath("/dashboard");
  redirect(`/decks/${slug}`);
}
