"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { FormState } from "@/app/ui/form-state";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

export function AcceptForm({
  code,
  trainerName,
  shareQuizAnswers,
}: {
  code: string;
  trainerName: string;
  shareQuizAnswers: boolean;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvitationAction, null);
  return (
    <form action={action} className="form">
      <input type="hidden" name="code" value={code} />
      <label className="choice">
        <input type="checkbox" name="shareQuizAnswers" value="yes" defaultChecked={shareQuizAnswers} />
        <span>
          <strong>Share my quiz answers</strong>
          <br />
          <span className="muted small">
            {trainerName} sees which questions you got wrong, so they can help with them. You can change this
            at any time.
          </span>
        </span>
      </label>
      <div aria-live="polite">{state && !state.ok && <p className="alert error">{state.message}</p>}</div>
      <div className="row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Joining…" : "Accept"}
        </button>
        <button
          type="submit"
          formAction={declineInvitationAction}
          className="button secondary"
          disabled={pending}
        >
          Decline
        </button>
      </div>
    </form>
  );
}

/** A client already linked to the trainer joins the group a named link is for. */
export function JoinGroupForm({ code, groupName }: { code: string; groupName: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvitationAction, null);
  return (
    <form action={action} className="form">
      <input type="hidden" name="code" value={code} />
      <div aria-live="polite">{state && !state.ok && <p className="alert error">{state.message}</p>}</div>
      <div className="row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Joining…" : `Join ${groupName}`}
        </button>
        <Link href="/dashboard">Go to your dashboard</Link>
      </div>
    </form>
  );
}
