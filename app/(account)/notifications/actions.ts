"use server";

import { revalidatePath } from "next/cache";
import { type FormState, failure } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { markAllRead } from "@/lib/data/notifications";

/** Marks the signed-in user's notifications read (only theirs: the query is scoped to them). */
export async function markAllReadAction(_previous: FormState, _formData?: unknown): Promise<FormState> {
  let count: number;
  try {
    const user = await requireUser();
    count = await markAllRead(user.id, new Date());
  } catch (error) {
    return failure(error, "notifications");
  }
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: count === 1 ? "1 notification marked read." : `${count} notifications marked read.`,
  };
}
