"use server";

import { revalidatePath } from "next/cache";
import { type FormState, failure, fieldErrors } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { saveNotificationSettings } from "@/lib/data/notifications";
import { assertFormData } from "@/lib/validations/form-data";
import { notificationSettingsSchema } from "@/lib/validations/notifications";

export async function saveNotificationSettingsAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = notificationSettingsSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return { ok: false, message: "Check the highlighted field.", errors: fieldErrors(parsed.error.issues) };
    await saveNotificationSettings(user.id, parsed.data);
  } catch (error) {
    return failure(error, "notification settings");
  }
  revalidatePath("/settings");
  return { ok: true, message: "Saved." };
}
