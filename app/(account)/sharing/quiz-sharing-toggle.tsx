"use client";

import { startTransition, useActionState, useEffect, useState } from "react";
import type { FormState } from "@/app/ui/form-state";
import { setQuizSharingAction } from "./actions";
import styles from "./sharing.module.css";

/** A switch that saves as soon as it changes, and says what the trainer now sees. */
export function QuizSharingToggle({ trainerId, shared }: { trainerId: string; shared: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setQuizSharingAction, null);
  const [checked, setChecked] = useState(shared);

  // A refused change puts the switch back to what is stored.
  useEffect(() => {
    if (state && !state.ok) setChecked(shared);
  }, [state, shared]);

  function save(share: boolean) {
    setChecked(share);
    const data = new FormData();
    data.set("trainerId", trainerId);
    if (share) data.set("shareQuizAnswers", "yes");
    startTransition(() => action(data));
  }

  return (
    <div className={styles.sharingToggle}>
      <label className="choice">
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          checked={checked}
          aria-busy={pending || undefined}
          onChange={(event) => save(event.target.checked)}
        />
        <span>
          <strong>Share my quiz answers</strong>
          <br />
          <span className="muted small">
            On: they also see which quiz answers you got wrong. Off: they see only your scores.
          </span>
        </span>
      </label>
      <div aria-live="polite">
        {state && <p className={state.ok ? "small muted" : "field-error"}>{state.message}</p>}
      </div>
    </div>
  );
}
