"use server";

import { revalidatePath } from "next/cache";
import { failure, fieldErrors } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { saveStudySettings } from "@/lib/data/settings";
import { assertFormData } from "@/lib/validations/form-data";
import { studySettingsFormSchema } from "@/lib/validations/settings";

/** The fields as submitted, sent back so the form shows them again (React resets a form after its action). */
export type SettingsValues = Partial<Record<(typeof FIELDS)[number], string>>;

export type SettingsState =
  | { ok: true; message: string; values?: SettingsValues }
  | { ok: false; message: string; errors: Record<string, string[] | undefined>; values?: SettingsValues }
  | null;

const FIELDS = [
  "desiredRetention",
  "newPerDay",
  "newPerDayTotal",
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
  let values: SettingsValues | undefined;
  try {
    const user = await requireUser();
    assertFormData(formData);
    const raw = Object.fromEntries(FIELDS.map((field) => [field, formData.get(field) ?? ""]));
    values = Object.fromEntries(
      FIELDS.map((field) => [field, typeof raw[field] === "string" ? raw[field].slice(0, 200) : ""]),
    );
    const parsed = studySettingsFormSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        message: "Please fix the highlighted settings.",
        errors: fieldErrors(parsed.error.issues),
        values,
      };
    }
    await saveStudySettings(user.id, parsed.data);
  } catch (error) {
    return { ...failure(error, "settings"), values };
  }
  revalidatePath("/dashboard");
  revalidatePath("/settings");
  return { ok: true, message: "Settings saved. They apply from your next card.", values };
}
