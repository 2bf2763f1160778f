import { useCallback, useEffect, useState } from "react";
import type { StudyCard } from "@/lib/study/session-data";
import type { TypedAnswerCheck } from "@/lib/study/typed-answer";
import { loadDeferred } from "./use-study-queue";

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
  // The comparison (typed-check.ts, through the deferred chunk) loads ahead of the first answer.
  useEffect(() => {
    if (on)
      loadDeferred().then(
        (later) => later.expectTypedAnswers(),
        () => {},
      );
  }, [on]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: clears on every change of the card on show
  useEffect(() => setAnswer(null), [shown.current, shown.shownAt]);
  const check = useCallback(
    (card: Pick<StudyCard, "cardId" | "kind" | "front" | "back">, typed: string) => {
      loadDeferred()
        .then((later) => later.checkTyped(card, typed))
        .then((result) => {
          // Null offline, before the comparison arrived: the answer is still shown, graded by eye.
          if (result) setAnswer({ cardId: card.cardId, typed, check: result });
          reveal();
        }, reveal);
    },
    [reveal],
  );
  return { answer, check };
}
