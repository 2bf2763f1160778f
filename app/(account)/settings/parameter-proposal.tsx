"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { FitTable } from "@/app/ui/fit-table";
import type { FormState } from "@/app/ui/form-state";
import { countText, dateText, moveText } from "@/app/ui/parameter-words";
import type { ParameterSetView } from "@/lib/data/parameters";
import type { ReschedulePreview } from "@/lib/srs/reschedule";
import { discardParametersAction, switchParametersAction } from "./parameter-actions";

interface ParameterProposalProps {
  /** The fitted set waiting for a decision; null once decided (the outcome stays on screen). */
  proposal: ParameterSetView | null;
  preview: ReschedulePreview | null;
}

/** The fit of the current and the new parameters on the same reviews, and the decision. */
export function ParameterProposal({ proposal, preview }: ParameterProposalProps) {
  const [applied, apply, applying] = useActionState<FormState, FormData>(switchParametersAction, null);
  const [discarded, discard, discarding] = useActionState<FormState, FormData>(discardParametersAction, null);
  const outcome = useRef<HTMLDivElement>(null);
  const discardFormId = useId();
  const state = applying || discarding ? null : (discarded ?? applied);

  // The buttons go away with the proposal: focus moves to what happened.
  useEffect(() => {
    if (applied || discarded) outcome.current?.focus();
  }, [applied, discarded]);

  return (
    <>
      {proposal && (
        <section className="stack" aria-labelledby="proposal-heading">
          <h3 id="proposal-heading">New parameters ready (version {proposal.version})</h3>
          <p>
            Fitted on {dateText(proposal.createdAt)} on {countText(proposal.reviewCount, "review")} of{" "}
            {countText(proposal.cardCount, "card")}.
          </p>
          <FitTable before={proposal.before} after={proposal.after} />
          <form action={apply} className="stack">
            <input type="hidden" name="setId" value={proposal.id} />
            <label className="choice">
              <input type="checkbox" name="reschedule" defaultChecked />
              <span>
                <strong>Also reschedule my cards</strong>
                <br />
                <span className="muted small">{preview ? moveText(preview) : ""}</span>
              </span>
            </label>
            <div className="row">
              <button type="submit" className="button" disabled={applying || discarding}>
                {applying ? "Applying…" : "Apply new parameters"}
              </button>
              {/* Submits the discard form below: two actions, side by side. */}
              <button
                type="submit"
                form={discardFormId}
                className="button secondary"
                disabled={applying || discarding}
              >
                {discarding ? "Discarding…" : "Discard"}
              </button>
            </div>
          </form>
          <form id={discardFormId} action={discard}>
            <input type="hidden" name="setId" value={proposal.id} />
          </form>
        </section>
      )}
      <div aria-live="polite" ref={outcome} tabIndex={-1}>
        {state && <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>}
      </div>
    </>
  );
}
