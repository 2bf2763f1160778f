"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type FormState, failure } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/data/trainer/links";
import { assertFormData } from "@/lib/validations/form-data";
import { invitationCode } from "@/lib/validations/trainer";

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let trainerId: string;
  try {
    const user = await requireUser();
    assertFormData(formData);
    const code = invitationCode.safeParse(formData.get("code"));
    if (!code.success) return { ok: false, message: "This invitation link is not valid.", errors: {} };
    const shareQuizAnswers = formData.get("shareQuizAnswers") === "yes";
    ({ trainerId } = await acceptInvitation(user, code.data, { shareQuizAnswers }, new Date()));
  } catch (error) {
    return failure(error, "invite");
  }
  revalidatePath("/dashboard");
  revalidatePath("/sharing");
  // The dashboard names the trainer from the link itself, so the address cannot put words in its mouth.
  redirect(`/dashboard?joined=${encodeURIComponent(trainerId)}`);
}

/** Declining stores nothing: the link stays as it was for whoever it was meant for. */
export async function declineInvitationAction(): Promise<void> {
  redirect("/dashboard");
}
