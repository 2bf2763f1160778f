"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { markCards } from "@/lib/data/card-marks";
import { AppError } from "@/lib/errors";
import { browserMarkSchema } from "@/lib/validations/card-browser";
import { assertFormData } from "@/lib/validations/form-data";

export type BrowserMarkState = { ok: boolean; message: string } | null;

const DONE: Record<string, string> = {
  suspend: "suspended",
  unsuspend: "unsuspended",
  bury: "buried until tomorrow",
  unbury: "unburied",
  "flag-0": "unflagged",
};

/** The browser's bulk action: suspend, unsuspend, bury, unbury or flag the ticked cards. */
export async function markCardsAction(
  _previous: BrowserMarkState,
  formData: FormData,
): Promise<BrowserMarkState> {
  let message: string;
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = browserMarkSchema.safeParse({
      cardIds: formData.getAll("cardId"),
      op: formData.get("op"),
    });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Nothing to do." };
    const { cardIds, op } = parsed.data;
    const change = op.startsWith("flag-")
      ? { flag: Number(op.slice(5)) }
      : op === "suspend" || op === "unsuspend"
        ? { suspended: op === "suspend" }
        : { buried: op === "bury" };
    const count = await markCards(user.id, cardIds, change, new Date());
    const noun = count === 1 ? "1 card" : `${count} cards`;
    message = `${noun} ${DONE[op] ?? "flagged"}.`;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    console.error("[cards] mark failed", error);
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
  revalidatePath("/cards");
  revalidatePath("/dashboard");
  return { ok: true, message };
}
