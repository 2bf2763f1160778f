"use server";

import { revalidatePath } from "next/cache";
import { type FormState, failure } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { requireTrainer } from "@/lib/data/trainer/access";
import { applyCohortSet, discardCohortSet } from "@/lib/data/trainer/cohort-parameters";
import { assertFormData } from "@/lib/validations/form-data";
import { parameterSetFormSchema } from "@/lib/validations/parameters";

async function cohortSetAction(
  formData: FormData,
  act: (trainerId: string, setId: string, now: Date) => Promise<{ deckSlug: string }>,
  message: string,
): Promise<FormState> {
  let deckSlug: string;
  try {
    const trainerId = await requireTrainer(await requireUser());
    assertFormData(formData);
    const parsed = parameterSetFormSchema.safeParse({ setId: formData.get("setId") });
    if (!parsed.success) return { ok: false, message: "This parameter set does not exist.", errors: {} };
    ({ deckSlug } = await act(trainerId, parsed.data.setId, new Date()));
  } catch (error) {
    return failure(error, "trainer/cohort-parameters");
  }
  revalidatePath(`/trainer/insight/${encodeURIComponent(deckSlug)}`);
  return { ok: true, message };
}

/** Clients of this deck with too little history of their own are scheduled with this set from now on. */
export async function applyCohortAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return cohortSetAction(formData, applyCohortSet, "Your clients of this deck now use these parameters.");
}

export async function discardCohortAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return cohortSetAction(formData, discardCohortSet, "Discarded. Your clients keep the parameters they had.");
}
