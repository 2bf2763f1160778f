"use client";

import { useActionState, useId, useState } from "react";
import type { FormState } from "@/app/ui/form-state";
import { editAssignmentAction } from "../../group-actions";
import styles from "./client-tools.module.css";

export interface EditableAssignment {
  assignmentId: string;
  deckTitle: string;
  /** YYYY-MM-DD (UTC), or "" for none. */
  dueAt: string;
  goal: "all-introduced" | "recall";
  /** Percent, or "" for none. */
  targetRecall: string;
  message: string;
}

/** An assignment's due date, goal and message, changed in place; the client is told of a new date or goal. */
export function EditAssignment({ assignment }: { assignment: EditableAssignment }) {
  const [state, action, pending] = useActionState<FormState, FormData>(editAssignmentAction, null);
  const [goal, setGoal] = useState(assignment.goal);
  const id = useId();
  const errors = state && !state.ok ? state.errors : {};
  const error = (name: string) =>
    errors[name]?.length ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {errors[name]?.join(" ")}
      </p>
    ) : null;
  const described = (name: string) => (errors[name]?.length ? `${id}-${name}-error` : undefined);
  return (
    <details className={styles.editor}>
      <summary>
        Edit due date, goal and message<span className="visually-hidden"> for {assignment.deckTitle}</span>
      </summary>
      <form action={action} className={`form ${styles.editForm}`} noValidate>
        <input type="hidden" name="assignmentId" value={assignment.assignmentId} />
        <div className={styles.fields}>
          <div className="field">
            <label htmlFor={`${id}-due`}>Due date</label>
            <input
              id={`${id}-due`}
              type="date"
              name="dueAt"
              defaultValue={assignment.dueAt}
              aria-invalid={errors.dueAt ? true : undefined}
              aria-describedby={described("dueAt")}
            />
            {error("dueAt")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-goal`}>Goal</label>
            <select
              id={`${id}-goal`}
              name="goal"
              value={goal}
              onChange={(e) => setGoal(e.target.value === "recall" ? "recall" : "all-introduced")}
            >
              <option value="all-introduced">Study every card</option>
              <option value="recall">Reach a predicted recall</option>
            </select>
          </div>
          {goal === "recall" && (
            <div className="field">
              <label htmlFor={`${id}-recall`}>Recall goal (%)</label>
              <input
                id={`${id}-recall`}
                type="number"
                name="targetRecall"
                min={50}
                max={99}
                inputMode="numeric"
                defaultValue={assignment.targetRecall || "90"}
                aria-invalid={errors.targetRecall ? true : undefined}
                aria-describedby={described("targetRecall")}
              />
              {error("targetRecall")}
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-message`}>Message to your client (optional)</label>
          <textarea
            id={`${id}-message`}
            name="message"
            maxLength={280}
            rows={2}
            defaultValue={assignment.message}
            aria-describedby={`${id}-message-hint ${described("message") ?? ""}`.trim()}
          />
          <p id={`${id}-message-hint`} className="hint">
            Shown with the deck on their dashboard. Up to 280 characters.
          </p>
          {error("message")}
        </div>
        <div className="row">
          <button type="submit" className="button small-button" disabled={pending}>
            {pending ? "Saving…" : "Save changes"}
          </button>
        </div>
        <div aria-live="polite">
          {state && <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>}
        </div>
      </form>
    </details>
  );
}
