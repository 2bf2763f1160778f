"use client";

import { useActionState } from "react";
import { discardQuizAction, type QuizActionState } from "@/app/(study)/quiz/actions";
import styles from "../../../quiz/quiz.module.css";

/** Discards the open attempt; the action sends the learner back to this page. */
export function DiscardQuizButton({ attemptId, deckSlug }: { attemptId: string; deckSlug: string }) {
  const [state, discard, pending] = useActionState<QuizActionState>(
    () => discardQuizAction(attemptId, deckSlug),
    null,
  );
  return (
    <form action={discard} className={styles.quizDiscard}>
      <button type="submit" className="button secondary" disabled={pending} aria-disabled={pending}>
        {pending ? "Discarding…" : "Discard"}
      </button>
      <div aria-live="polite">
        {state && !state.ok && <p className="alert error small">{state.message}</p>}
      </div>
    </form>
  );
}
