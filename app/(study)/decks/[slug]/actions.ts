"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { deletePersonalDeck } from "@/lib/data/personal-decks";
import { assertFormData } from "@/lib/validations/form-data";
import { deleteDeckSchema } from "@/lib/validations/personal-deck";

export type DeleteDeckState = { ok: false; message: string } | null;

/** Deletes one of the learner's own decks with its cards and their review history. */
export async function deleteDeckAction(
  _previous: DeleteDeckState,
  formData: FormData,
): Promise<DeleteDeckState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = deleteDeckSchema.safeParse({
      slug: formData.get("slug"),
      confirm: formData.get("confirm"),
    });
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues[0]?.message ?? "Please try again." };
    await deletePersonalDeck(user.id, parsed.data.slug);
  } catch (error) {
    return failure(error, "decks delete");
  }
  revalidatePath("/decks");
  revalidatePath("/dashboard");
  redirect("/decks");
}
