"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type FormState, failure } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { leaveTrainer, setQuizSharing } from "@/lib/data/trainer/links";
import { assertFormData } from "@/lib/validations/form-data";

const trainerIdField = z.string().min(1).max(100);

export async function setQuizSharingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let share: boolean;
  try {
    const user = await requireUser();
    assertFormData(formData);
    const trainerId = trainerIdField.safeParse(formData.get("trainerId"));
    if (!trainerId.success) return { ok: false, message: "You are not linked to this trainer.", errors: {} };
    share = formData.get("shareQuizAnswers") === "yes";
    await setQuizSharing(user.id, trainerId.data, share);
  } catch (error) {
    return failure(error, "sharing");
  }
  revalidatePath("/sharing");
  return {
    ok: true,
    message: share
      ? "Saved: your trainer can see which quiz answers you got wrong."
      : "Saved: your trainer sees your quiz scores but not your answers.",
  };
}

export async function leaveTrainerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const trainerId = trainerIdField.safeParse(formData.get("trainerId"));
    if (!trainerId.success) return { ok: false, message: "You are not linked to this trainer.", errors: {} };
    await leaveTrainer(user.id, trainerId.data, new Date());
  } catch (error) {
    return failure(error, "sharing");
  }
  revalidatePath("/sharing");
  revalidatePath("/dashboard");
  // The trainer's card disappears with the button, so the page says it worked.
  redirect("/sharing?left=1");
}
