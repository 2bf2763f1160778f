"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type FormState, failure, fieldErrors } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { personalCardSchema } from "@/lib/authoring/personal-card";
import { setPersonalCardImage } from "@/lib/data/card-images";
import { addPersonalCard, editPersonalCard, retirePersonalCard } from "@/lib/data/personal-cards";
import { assertFormData } from "@/lib/validations/form-data";
import { deckSlugSchema } from "@/lib/validations/personal-deck";

const cardId = z.string({ error: "Choose a card." }).min(1, "Choose a card.").max(200, "Choose a card.");
const fields = (formData: FormData, names: readonly string[]) =>
  Object.fromEntries(names.flatMap((name) => (formData.has(name) ? [[name, formData.get(name)]] : [])));
const CARD = ["kind", "front", "back"];

/** Adds a card to the caller's own imported deck. */
export async function addPersonalCardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const slug = deckSlugSchema.safeParse(formData.get("slug"));
    const card = personalCardSchema.safeParse(fields(formData, CARD));
    if (!slug.success || !card.success)
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors([...(slug.error?.issues ?? []), ...(card.error?.issues ?? [])]),
      };
    await addPersonalCard(user.id, slug.data, card.data, new Date());
    revalidatePath(`/decks/${slug.data}`);
    return { ok: true, message: "Card added." };
  } catch (error) {
    return failure(error, "personal card add");
  }
}

/** Edits a card of the caller's own imported deck; its id (and so its schedule) stays. */
export async function editPersonalCardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const id = cardId.safeParse(formData.get("cardId"));
    const card = personalCardSchema.safeParse(fields(formData, CARD));
    if (!id.success || !card.success)
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors([...(id.error?.issues ?? []), ...(card.error?.issues ?? [])]),
      };
    await editPersonalCard(user.id, id.data, card.data, new Date());
    return { ok: true, message: "Card saved." };
  } catch (error) {
    return failure(error, "personal card edit");
  }
}

/** Retires a card of the caller's own imported deck: no longer studied, its history kept. */
export async function retirePersonalCardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const id = cardId.safeParse(formData.get("cardId"));
    if (!id.success) return { ok: false, message: "Choose a card.", errors: fieldErrors(id.error.issues) };
    await retirePersonalCard(user.id, id.data);
    return { ok: true, message: "Card retired." };
  } catch (error) {
    return failure(error, "personal card retire");
  }
}

/**
 * Puts a picture on a card of the caller's own imported deck (or, with `remove`, takes it off).
 * The picture's size and type (by its first bytes) are checked before it is stored.
 */
export async function setCardImageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const id = cardId.safeParse(formData.get("cardId"));
    if (!id.success) return { ok: false, message: "Choose a card.", errors: fieldErrors(id.error.issues) };
    if (formData.get("remove") === "1") {
      await setPersonalCardImage(user.id, id.data, null);
      revalidatePath(`/author/decks`, "layout");
      return { ok: true, message: "Picture removed." };
    }
    const image = formData.get("image");
    if (!(image instanceof File) || image.size === 0)
      return { ok: false, message: "Choose a picture.", errors: { image: ["Choose a picture."] } };
    await setPersonalCardImage(user.id, id.data, new Uint8Array(await image.arrayBuffer()));
    revalidatePath(`/author/decks`, "layout");
    return { ok: true, message: "Picture saved." };
  } catch (error) {
    return failure(error, "personal card image");
  }
}
