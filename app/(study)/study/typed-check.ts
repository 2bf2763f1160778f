import type { StudyCard } from "@/lib/study/session-data";
import type { TypedAnswerCheck } from "@/lib/study/typed-answer";

type TypedAnswerModule = typeof import("@/lib/study/typed-answer");
let typedModule: Promise<TypedAnswerModule> | undefined;

/**
 * The comparison and its diff library load only in typed-answer mode: not with the rest of the
 * deferred chunk, which every study page loads, and not in the first load (issue 18).
 */
function loadTypedAnswer(): Promise<TypedAnswerModule> {
  typedModule ??= import("@/lib/study/typed-answer").catch((error: unknown) => {
    typedModule = undefined; // tried again on the next answer
    throw error;
  });
  return typedModule;
}

/** Typed-answer mode: the comparison loads before the first answer is typed. */
export function expectTypedAnswers(): void {
  loadTypedAnswer().catch(() => {});
}

/** What was typed against the card's answer; null when the comparison could not load (offline). */
export async function checkTyped(
  card: Pick<StudyCard, "kind" | "front" | "back">,
  typed: string,
): Promise<TypedAnswerCheck | null> {
  const loaded = await loadTypedAnswer().catch(() => null);
  return loaded ? loaded.checkTypedAnswer(typed, loaded.expectedAnswer(card)) : null;
}
