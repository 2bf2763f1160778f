"use client";

import { useActionState } from "react";
import { moveText } from "@/app/ui/parameter-words";
import { type RescheduleState, rescheduleAction } from "./parameter-actions";

/**
 * After changing the desired retention or switching parameters: see how many cards would move to
 * where the current settings put them, then move them.
 */
export function RescheduleCards() {
  const [state, action, pending] = useActionState<RescheduleState, FormData>(rescheduleAction, null);
  const preview = state?.ok && state.step === "preview" ? state.preview : null;
  return (
    <section className="card stack" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">Reschedule my cards</h2>
      <p className="muted">
        Changing your desired retention or your parameters applies to each card from its next review. To move
        the cards you have already studied now, check first how many would move.
      </p>
      <div aria-live="polite">
        {preview && <p>{moveText(preview)}</p>}
        {state?.ok && state.step === "done" && <p className="alert success">{state.message}</p>}
        {state && !state.ok && <p className="alert error">{state.message}</p>}
      </div>
      <form action={action} className="row">
        {preview && preview.moved > 0 ? (
          <>
            <button type="submit" name="step" value="apply" className="button" disabled={pending}>
              {pending ? "Rescheduling…" : `Reschedule ${preview.moved.toLocaleString("en")} cards`}
            </button>
            <button type="submit" name="step" value="preview" className="button secondary" disabled={pending}>
              Check again
            </button>
          </>
        ) : (
          <button type="submit" name="step" value="preview" className="button secondary" disabled={pending}>
            {pending ? "Checking…" : "Check which cards would move"}
          </button>
        )}
      </form>
    </section>
  );
}
