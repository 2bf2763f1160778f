"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { saveStudySettings } from "@/lib/data/settings";
import { AppError } from "@/lib/errors";
import { assertFormData } from "@/lib/validations/form-data";
import { studySettingsFormSchema } from "@/lib/validations/settings";

export type SettingsState =
  | { ok: true; message: string }
  | { ok: false; message: string; errors: Record<string, string[] | undefined> }
  | null;

const FIELDS = [
  "desiredRetention",
  "newPerDay",
  "maxReviewsPerDay",
  "maximumInterval",
  "learningSteps",
  "relearningSteps",
  "timeZone",
  "dayRolloverHour",
  "quizFeedsSchedule",
] as const;

export async function saveSettingsAction(
  _previous: SettingsState,
  formData: FormData,
): Promise<SettingsState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const raw = Object.fromEntries(FIELDS.map((field) => [field, formData.get(field) ?? ""]));
    const parsed = studySettingsFormSchema.safeParse(raw);
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        errors[key] = [...(errors[key] ?? []), issue.message];
      }
      return { ok: false, message: "Please fix the highlighted settings.", errors };
    }
    await saveStudySettings(user.id, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, errors: {} };
    console.error("[settings] save failed", error);
    return { ok: false, message: "Something went wrong on our side. Please try again.", errors: {} };
  }
  revalidatePath("/dashboard");
  return { ok: true, message: "Settings saved. They apply from your next card." };
}
