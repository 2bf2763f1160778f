"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import styles from "./action-button.module.css";
import type { FormState } from "./form-state";

interface ActionButtonProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields sent with the action, e.g. the id of the row it acts on. */
  fields: Record<string, string>;
  label: string;
  /** The name screen readers hear when the visible label alone is ambiguous in a list. */
  accessibleLabel?: string;
  pendingLabel: string;
  /** Ask first, in place: the question and the label of the button that confirms. */
  confirm?: { question: string; yes: string };
  variant?: "secondary" | "danger";
}

/** One button that runs a server action on one row, optionally after an inline confirmation. */
export function ActionButton({
  action,
  fields,
  label,
  accessibleLabel,
  pendingLabel,
  confirm,
  variant = "secondary",
}: ActionButtonProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  const [confirming, setConfirming] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (confirming) yesRef.current?.focus();
    else if (returnFocus.current) askRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };

  const status = (
    <div aria-live="polite" className={styles.actionStatus}>
      {state && !state.ok && <p className="field-error">{state.message}</p>}
      {state?.ok && <p className="small muted">{state.message}</p>}
    </div>
  );

  if (confirm && !confirming) {
    return (
      <div className="action-button">
        <button
          ref={askRef}
          type="button"
          className={`button ${variant} small-button`}
          aria-label={accessibleLabel}
          onClick={() => setConfirming(true)}
        >
          {label}
        </button>
        {status}
      </div>
    );
  }

  return (
    <form action={formAction} className="action-button">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape from either button cancels, as in a dialog.
        <div
          className={styles.confirmBox}
          onKeyDown={(event) => {
            if (event.key !== "Escape" || pending) return;
            event.preventDefault();
            cancel();
          }}
        >
          <p id={questionId} className="small">
            {confirm.question}
          </p>
          <div className="row">
            <button
              ref={yesRef}
              type="submit"
              className="button danger small-button"
              aria-describedby={questionId}
              disabled={pending}
            >
              {pending ? pendingLabel : confirm.yes}
            </button>
            <button
              type="button"
              className="button secondary small-button"
              disabled={pending}
              onClick={cancel}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="submit"
          className={`button ${variant} small-button`}
          aria-label={pending ? undefined : accessibleLabel}
          disabled={pending}
        >
          {pending ? pendingLabel : label}
        </button>
      )}
      {status}
    </form>
  );
}
