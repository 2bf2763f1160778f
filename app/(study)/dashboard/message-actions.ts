"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type FormState, failure } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { dismissMessage } from "@/lib/data/trainer/remind";
import { assertFormData } from "@/lib/validations/form-data";

/** The client dismisses a message from a trainer (only their own: anyone else's is "not found"). */
export async function dismissMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const id = z.string().min(1).max(100).safeParse(formData.get("messageId"));
    if (!id.success) return { ok: false, message: "This message does not exist.", errors: {} };
    await dismissMessage(user.id, id.data, new Date());
  } catch (error) {
    return failure(error, "dashboard/messages");
  }
  revalidatePath("/dashboard");
  return { ok: true, message: "Dismissed." };
}
