"use client";

import { type FormEvent, useId, useState } from "react";
import type { DraftItemView, QuizPayload } from "@/lib/authoring/draft-item";
import styles from "../../author.module.css";
import { saveQuizAction } from "../actions";
import { EvidenceFields, type FieldErrors, fieldErrors, QuoteField } from "./evidence-fields";

const MAX_CHOICES = 8;
const MAX_PAIRS = 10;

/**
 * Edits a proposed question: its prompt, options and right answer (or, for matching, its pairs),
 * explanation, quotes and level. The server checks that the right answer is among distinct options
 * and that every quote is still in the document word for word.
 */
export function QuizEditor({
  documentId,
  item,
  onSaved,
  onCancel,
}: {
  documentId: string;
  item: DraftItemView & { payload: QuizPayload };
  onSaved: (item: DraftItemView) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const quiz = item.payload;
  const trueFalse = quiz.kind === "true-false";
  const [choices, setChoices] = useState(trueFalse ? ["True", "False"] : quiz.choices);
  const [pairs, setPairs] = useState(quiz.pairs ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const answerIndex = quiz.answer === null ? -1 : choices.indexOf(quiz.answer);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await saveQuizAction(form);
    setPending(false);
    if (result.ok) onSaved(result.item);
    else {
      setErrors(result.errors);
      setMessage(result.message);
    }
  }

  const { error, described } = fieldErrors(errors, id);

  return (
    <form className={`card ${styles.editor}`} onSubmit={submit} aria-label="Edit question">
      <h3>Edit question</h3>
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="itemId" value={item.id} />
      <label>
        Question
        <textarea
          className="input"
          name="prompt"
          rows={2}
          defaultValue={quiz.prompt}
          aria-describedby={described("prompt")}
        />
        {error("prompt")}
      </label>
      {quiz.kind === "matching" ? (
        <fieldset className={styles.options} aria-describedby={described("pairs")}>
          <legend>Pairs to match</legend>
          {pairs.map((pair, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; their text is being edited
            <div key={i} className={styles.optionRow}>
              <input
                className="input"
                name="left"
                aria-label={`Pair ${i + 1}, left`}
                value={pair.left}
                onChange={(event) =>
                  setPairs((all) => all.map((p, j) => (j === i ? { ...p, left: event.target.value } : p)))
                }
              />
              <input
                className="input"
                name="right"
                aria-label={`Pair ${i + 1}, right`}
                value={pair.right}
                onChange={(event) =>
                  setPairs((all) => all.map((p, j) => (j === i ? { ...p, right: event.target.value } : p)))
                }
              />
              <button
                type="button"
                className="button secondary"
                onClick={() => setPairs((all) => all.filter((_, j) => j !== i))}
                aria-label={`Remove pair ${i + 1}`}
              >
                Remove
              </button>
            </div>
          ))}
          {pairs.length < MAX_PAIRS && (
            <button
              type="button"
              className="button secondary"
              onClick={() => setPairs((all) => [...all, { left: "", right: "" }])}
            >
              Add a pair
            </button>
          )}
          {error("pairs")}
        </fieldset>
      ) : (
        <fieldset
          className={styles.options}
          aria-describedby={`${described("choices") ?? ""} ${described("answer") ?? ""}`}
        >
          <legend>Options (mark the right one)</legend>
          {choices.map((choice, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; their text is being edited
            <div key={i} className={styles.optionRow}>
              <input
                type="radio"
                name="answer"
                value={i}
                defaultChecked={i === answerIndex}
                aria-label={`Option ${i + 1} is right`}
              />
              <input
                className="input"
                name="choice"
                aria-label={`Option ${i + 1}`}
                value={choice}
                readOnly={trueFalse}
                onChange={(event) =>
                  setChoices((all) => all.map((c, j) => (j === i ? event.target.value : c)))
                }
              />
              {!trueFalse && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => setChoices((all) => all.filter((_, j) => j !== i))}
                  aria-label={`Remove option ${i + 1}`}
                >
                  Remove
                </button>
              )}
            </div>
          ))}
          {!trueFalse && choices.length < MAX_CHOICES && (
            <button
              type="button"
              className="button secondary"
              onClick={() => setChoices((all) => [...all, ""])}
            >
              Add an option
            </button>
          )}
          {error("choices")}
          {error("answer")}
        </fieldset>
      )}
      <label>
        Explanation (shown after the answer)
        <textarea
          className="input"
          name="explanation"
          rows={2}
          defaultValue={quiz.explanation}
          aria-describedby={described("explanation")}
        />
        {error("explanation")}
      </label>
      {quiz.quotes.map((quote, i) => (
        <QuoteField
          // biome-ignore lint/suspicious/noArrayIndexKey: quotes are positions; their text is being edited
          key={i}
          label={quiz.quotes.length > 1 ? `Quote ${i + 1}` : "Quote"}
          rows={2}
          defaultValue={quote}
          aria-describedby={described("quotes")}
        />
      ))}
      {error("quotes")}
      <EvidenceFields
        defaultLevel={quiz.evidence}
        describedBy={described("evidence")}
        reason={item.evidenceReason ?? ""}
      >
        {error("evidence")}
      </EvidenceFields>
      <p aria-live="polite" className="small">
        {message}
      </p>
      <div className={styles.toolbar}>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save question"}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
