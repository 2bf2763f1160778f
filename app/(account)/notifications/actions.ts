"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { markAllRead } from "@/lib/data/notifications";

/** Marks the signed-in user's notifications read (only theirs: the query is scoped to them). */
export async function markAllReadAction(): Promise<void> {
  const user = await requireUser();
  await markAllRead(user.id, new Date());
  revalidatePath("/", "layout");
}
