"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { choosePreset, deletePreset, savePreset } from "@/lib/data/deck-presets";
import { AppError, ValidationError } from "@/lib/errors";
import { deckPresetChoiceSchema, presetFormSchema, presetIdSchema } from "@/lib/validations/deck-presets";
import { assertFormData } from "@/lib/validations/form-data";

export type PresetState =
  | { ok: true; message: string }
  | { ok: false; message: string; errors: Record<string, string[] | undefined> }
  | null;

/** A text field; a file where text belongs is refused (it must not read as an empty field). */
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  if (value !== null && typeof value !== "string")
    throw new ValidationError("This form could not be read.", { [name]: ["Expected text"] });
  return value ?? "";
};

/** Runs one preset change with the action shape every form here shares. */
async function run(work: (userId: string) => Promise<string>): Promise<PresetState> {
  let message: string;
  try {
    const user = await requireUser();
    message = await work(user.id);
  } catch (error) {
    if (error instanceof ValidationError)
      return { ok: false, message: error.message, errors: error.fieldErrors };
    if (error instanceof AppError) return { ok: false, message: error.message, errors: {} };
    console.error("[deck options] failed", error);
    return { ok: false, message: "Something went wrong on our side. Please try again.", errors: {} };
  }
  revalidatePath("/settings/decks");
  revalidatePath("/dashboard");
  return { ok: true, message };
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): never {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    if (!errors[field]?.includes(issue.message)) errors[field] = [...(errors[field] ?? []), issue.message];
  }
  throw new ValidationError("Please fix the highlighted options.", errors);
}

export async function savePresetAction(_previous: PresetState, formData: FormData): Promise<PresetState> {
  return run(async (userId) => {
    assertFormData(formData);
    const names = [
      "presetId",
      "name",
      "newPerDay",
      "maxReviewsPerDay",
      "desiredRetention",
      "learningSteps",
      "relearningSteps",
    ];
    const parsed = presetFormSchema.safeParse(
      Object.fromEntries(names.map((name) => [name, text(formData, name)])),
    );
    if (!parsed.success) invalid(parsed.error.issues);
    await savePreset(userId, parsed.data);
    return `Preset “${parsed.data.name}” saved.`;
  });
}

export async function deletePresetAction(_previous: PresetState, formData: FormData): Promise<PresetState> {
  return run(async (userId) => {
    assertFormData(formData);
    const parsed = presetIdSchema.safeParse(text(formData, "presetId"));
    if (!parsed.success) invalid(parsed.error.issues);
    await deletePreset(userId, parsed.data);
    return "Preset deleted; its decks use the Default options.";
  });
}

export async function choosePresetAction(_previous: PresetState, formData: FormData): Promise<PresetState> {
  return run(async (userId) => {
    assertFormData(formData);
    const parsed = deckPresetChoiceSchema.safeParse({
      deckSlug: text(formData, "deckSlug"),
      presetId: text(formData, "presetId"),
    });
    if (!parsed.success) invalid(parsed.error.issues);
    await choosePreset(userId, parsed.data.deckSlug, parsed.data.presetId);
    return "Deck options saved.";
  });
}
