"use server";

import { revalidatePath } from "next/cache";
import { type FormState, failure, fieldErrors } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import {
  discardParameterSet,
  previewReschedule,
  rescheduleCards,
  type SwitchResult,
  switchParameterSet,
} from "@/lib/data/parameters";
import type { ReschedulePreview } from "@/lib/srs/reschedule";
import { assertFormData } from "@/lib/validations/form-data";
import { parameterSetFormSchema, switchParametersFormSchema } from "@/lib/validations/parameters";

const SETTINGS = "/settings";

function movedText({ rescheduled, skipped }: SwitchResult): string {
  if (rescheduled === 0 && skipped === 0) return "";
  const cards = `${rescheduled} ${rescheduled === 1 ? "card" : "cards"} rescheduled`;
  return skipped ? ` ${cards}; ${skipped} answered meanwhile kept their schedule.` : ` ${cards}.`;
}

/** Applies a fitted set or a previous version, or goes back to the defaults ("defaults"). */
export async function switchParametersAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let message: string;
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = switchParametersFormSchema.safeParse({
      setId: formData.get("setId"),
      reschedule: formData.get("reschedule") ?? undefined,
    });
    if (!parsed.success) {
      return {
        ok: false,
        message: "This parameter set does not exist.",
        errors: fieldErrors(parsed.error.issues),
      };
    }
    const setId = parsed.data.setId === "defaults" ? null : parsed.data.setId;
    const result = await switchParameterSet(
      user.id,
      setId,
      { reschedule: parsed.data.reschedule },
      new Date(),
    );
    message = `${setId ? "New parameters in use." : "Back to the default parameters."}${movedText(result)}`;
  } catch (error) {
    return failure(error, "settings/parameters");
  }
  revalidatePath(SETTINGS);
  return { ok: true, message };
}

export async function discardParametersAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = parameterSetFormSchema.safeParse({ setId: formData.get("setId") });
    if (!parsed.success) return { ok: false, message: "This parameter set does not exist.", errors: {} };
    await discardParameterSet(user.id, parsed.data.setId, new Date());
  } catch (error) {
    return failure(error, "settings/parameters");
  }
  revalidatePath(SETTINGS);
  return { ok: true, message: "Discarded. Your current parameters stay." };
}

export type RescheduleState =
  | { ok: true; step: "preview"; preview: ReschedulePreview; message: string }
  | { ok: true; step: "done"; message: string }
  | { ok: false; message: string; errors: Record<string, string[] | undefined> }
  | null;

/** "preview": how many cards a reschedule under the current settings would move; "apply": does it. */
export async function rescheduleAction(
  _previous: RescheduleState,
  formData: FormData,
): Promise<RescheduleState> {
  let message: string;
  try {
    const user = await requireUser();
    assertFormData(formData);
    const now = new Date();
    if (formData.get("step") === "preview") {
      const preview = await previewReschedule(user.id, now);
      return { ok: true, step: "preview", preview, message: "" };
    }
    if (formData.get("step") !== "apply")
      return { ok: false, message: "Choose preview or reschedule.", errors: {} };
    const result = await rescheduleCards(user.id, now);
    message =
      result.rescheduled + result.skipped === 0
        ? "Nothing to move: your cards already follow your current settings."
        : `Done.${movedText(result)}`;
  } catch (error) {
    return failure(error, "settings/reschedule");
  }
  revalidatePath(SETTINGS);
  return { ok: true, step: "done", message };
}
