import { useCallback, useEffect, useState } from "react";
import type { StudyCard } from "@/lib/study/session-data";
import type { TypedAnswerCheck } from "@/lib/study/typed-answer";

type TypedAnswerModule = typeof import("@/lib/study/typed-answer");
let typedModule: Promise<TypedAnswerModule> | undefined;
/**
 * The comparison and its diff library load only in typed-answer mode, after first paint: the
 * study page's first-load JavaScript stays without them (issue 18).
 */
const loadTypedAnswer = () => {
  typedModule ??= import("@/lib/study/typed-answer");
  return typedModule;
};

export interface TypedAnswer {
  cardId: string;
  typed: string;
  check: TypedAnswerCheck;
}

/**
 * Typed-answer mode: what was typed for the card on show and how it compares with the answer.
 * A card shown again later in the session (a learning step) is typed afresh.
 */
export function useTypedAnswer(
  on: boolean,
  shown: { current: string | null; shownAt: number },
  reveal: () => void,
) {
  const [answer, setAnswer] = useState<TypedAnswer | null>(null);
  useEffect(() => {
    if (on)
      loadTypedAnswer().catch(() => {
        typedModule = undefined; // checked again on the next answer
      });
  }, [on]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: clears on every change of the card on show
  useEffect(() => setAnswer(null), [shown.current, shown.shownAt]);
  const check = useCallback(
    (card: Pick<StudyCard, "cardId" | "kind" | "front" | "back">, typed: string) => {
      loadTypedAnswer().then(
        (loaded) => {
          const expected = loaded.expectedAnswer(card);
          setAnswer({ cardId: card.cardId, typed, check: loaded.checkTypedAnswer(typed, expected) });
          reveal();
        },
        () => {
          // Offline before the comparison arrived: the answer is still shown, to be graded by eye.
          typedModule = undefined;
          reveal();
        },
      );
    },
    [reveal],
  );
  return { answer, check };
}
