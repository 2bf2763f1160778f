"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { finishQuizAction, type QuizActionState } from "../actions";
import styles from "../quiz.module.css";

/** Stops the quiz before the last question, after one confirmation (none when all are answered). */
export function FinishEarly({ attemptId, unanswered }: { attemptId: string; unanswered: number }) {
  const [confirming, setConfirming] = useState(false);
  const [state, finish, pending] = useActionState<QuizActionState>(() => finishQuizAction(attemptId), null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the question being asked, and returns when it is withdrawn.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming && unanswered > 0) {
    return (
      <button ref={openRef} type="button" className="button secondary" onClick={() => setConfirming(true)}>
        Finish now
      </button>
    );
  }
  return (
    <form
      action={finish}
      className={styles.quizFinishConfirm}
      aria-labelledby={unanswered > 0 ? "finish-question" : undefined}
    >
      {unanswered > 0 && (
        <p id="finish-question">
          Finish with {unanswered} {unanswered === 1 ? "question" : "questions"} unanswered? They count as not
          answered.
        </p>
      )}
      <div className="row">
        <button ref={confirmRef} type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? "Finishing…" : unanswered > 0 ? "Yes, finish now" : "Finish and see your result"}
        </button>
        {unanswered > 0 && (
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            Keep going
          </button>
        )}
      </div>
      <div aria-live="polite">
        {state && !state.ok && <p className="alert error small">{state.message}</p>}
      </div>
    </form>
  );
}
