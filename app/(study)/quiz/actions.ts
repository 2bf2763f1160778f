"use server";

import { redirect } from "next/navigation";
import { failure } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { discardQuiz, finishQuiz, startQuiz } from "@/lib/data/quiz";
import { NotFoundError } from "@/lib/errors";
import { assertFormData } from "@/lib/validations/form-data";
import { startQuizSchema } from "@/lib/validations/quiz";

export type QuizActionState = { ok: false; message: string } | null;

export async function startQuizAction(
  _previous: QuizActionState,
  formData: FormData,
): Promise<QuizActionState> {
  let attemptId: string;
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = startQuizSchema.safeParse({
      deck: formData.get("deck"),
      length: formData.get("length"),
      mode: formData.get("mode"),
    });
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues[0]?.message ?? "Check the quiz options." };
    attemptId = await startQuiz(user.id, parsed.data, new Date());
  } catch (error) {
    return failure(error, "quiz");
  }
  redirect(`/quiz/${attemptId}`);
}

/** Called with anything: an id that is not a string (String() of it can throw) is no quiz of theirs. */
function attemptIdOf(value: unknown): string {
  if (typeof value !== "string") throw new NotFoundError("This quiz does not exist.");
  return value;
}

export async function finishQuizAction(attemptId: string): Promise<QuizActionState> {
  try {
    const user = await requireUser();
    await finishQuiz(user.id, attemptIdOf(attemptId), new Date());
  } catch (error) {
    return failure(error, "quiz");
  }
  redirect(`/quiz/${attemptId}/result`);
}

export async function discardQuizAction(attemptId: string, deckSlug: string): Promise<QuizActionState> {
  try {
    const user = await requireUser();
    await discardQuiz(user.id, attemptIdOf(attemptId), new Date());
  } catch (error) {
    return failure(error, "quiz");
  }
  redirect(typeof deckSlug === "string" ? `/decks/${encodeURIComponent(deckSlug)}/quiz` : "/decks");
}
