"use client";

import { useActionState } from "react";
import { type QuizActionState, startQuizAction } from "@/app/(study)/quiz/actions";
import { QUIZ_LENGTHS } from "@/lib/quiz/types";
import styles from "../../../quiz/quiz.module.css";

const LENGTH_NOTES: Record<(typeof QUIZ_LENGTHS)[number], string> = {
  5: "A quick check",
  10: "A full round",
  20: "The long version",
};

/** Length and kind of question; the action draws the questions and opens the quiz. */
export function StartQuizForm({
  deckSlug,
  available,
  replacesOpen,
}: {
  deckSlug: string;
  /** Questions in the deck, to say when a quiz would use all of them. */
  available: number;
  replacesOpen: boolean;
}) {
  const [state, formAction, pending] = useActionState<QuizActionState, FormData>(startQuizAction, null);
  return (
    <form action={formAction} className="form" aria-describedby={replacesOpen ? "replaces-open" : undefined}>
      <input type="hidden" name="deck" value={deckSlug} />
      <fieldset className={styles.quizFieldset}>
        <legend>How many questions?</legend>
        <div className={`choice-group ${styles.quizLengthGroup}`}>
          {QUIZ_LENGTHS.map((length) => (
            <label key={length} className={`choice ${styles.quizOption}`}>
              <input type="radio" name="length" value={length} defaultChecked={length === 10} />
              <span>
                <strong>{length} questions</strong>
                <br />
                <span className="muted small">
                  {length > available ? `All ${available} in this deck` : LENGTH_NOTES[length]}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className={styles.quizFieldset}>
        <legend>Which questions?</legend>
        <div className="choice-group">
          <label className={`choice ${styles.quizOption}`}>
            <input type="radio" name="mode" value="mixed" defaultChecked />
            <span>
              <strong>Mixed</strong>
              <br />
              <span className="muted small">
                Multiple choice, true or false, matching and evidence checks.
              </span>
            </span>
          </label>
          <label className={`choice ${styles.quizOption}`}>
            <input type="radio" name="mode" value="evidence" />
            <span>
              <strong>Evidence checks only</strong>
              <br />
              <span className="muted small">
                In whom or what was it shown: people, animals or cells in a lab?
              </span>
            </span>
          </label>
        </div>
      </fieldset>
      <div aria-live="polite">{state && !state.ok && <p className="alert error">{state.message}</p>}</div>
      <div className="row">
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? "Drawing questions…" : "Start quiz"}
        </button>
        {replacesOpen && (
          <p id="replaces-open" className="hint">
            Starting a new quiz discards your unfinished one.
          </p>
        )}
      </div>
    </form>
  );
}
