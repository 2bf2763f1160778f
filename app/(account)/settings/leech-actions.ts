"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { saveLeechRule } from "@/lib/data/card-marks";
import { AppError } from "@/lib/errors";
import { leechSettingsSchema } from "@/lib/validations/card-marks";
import { assertFormData } from "@/lib/validations/form-data";

export type LeechState =
  | { ok: true; message: string }
  | { ok: false; message: string; errors: Record<string, string[] | undefined> }
  | null;

export async function saveLeechAction(_previous: LeechState, formData: FormData): Promise<LeechState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = leechSettingsSchema.safeParse({
      leechThreshold: formData.get("leechThreshold") ?? "",
      leechAction: formData.get("leechAction") ?? "",
    });
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] = [issue.message];
      return { ok: false, message: "Please fix the leech setting.", errors };
    }
    await saveLeechRule(user.id, { threshold: parsed.data.leechThreshold, action: parsed.data.leechAction });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, errors: {} };
    console.error("[settings] leech save failed", error);
    return { ok: false, message: "Something went wrong on our side. Please try again.", errors: {} };
  }
  revalidatePath("/settings");
  return { ok: true, message: "Leech setting saved." };
}
