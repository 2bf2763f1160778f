"use client";

import { type ReactNode, useActionState, useEffect } from "react";
import { FormField } from "@/app/ui/form-field";
import { useSignOutFlow } from "@/app/ui/sign-out-button";
import {
  type AccountActionState,
  changePasswordAction,
  deleteAccountAction,
  signOutEverywhereAction,
} from "./actions";

/**
 * Changing the password signs out every device, this one too: answers waiting on this device are
 * sent first, and once the change is made the outboxes stop, so going on to sign in asks no
 * "leave site?". The outboxes load with the submit, as the sign-out steps do.
 */
export function ChangePasswordForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState<AccountActionState, FormData>(
    async (previous, formData) => {
      const outboxes = await import("@/app/(study)/study/outbox-sync");
      // Answers that cannot be sent stay stored under the learner's id for the next sign-in; they
      // do not stop the change.
      await outboxes.drainOutboxes(userId).catch(() => {});
      const result = await changePasswordAction(previous, formData);
      // The session has ended: the outboxes stop (nothing is deleted), so leaving asks nothing.
      if (result?.ok) outboxes.stopOutboxes();
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form action={action} className="form" noValidate>
      <FormField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={errors.currentPassword}
      />
      <FormField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters."
        errors={errors.newPassword}
      />
      <div aria-live="polite">
        {state && <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}

/**
 * Signs out on every device, as the header's Sign out does here: answers still waiting on this
 * device are sent first (once the sessions are revoked the server refuses them), and the outboxes
 * stop only once this browser's session has ended. The steps load with the click (sign-out-flow.tsx).
 */
export function SignOutEverywhere({ userId }: { userId: string }) {
  const { busy, notice, run } = useSignOutFlow(
    userId,
    "Could not sign out everywhere: the server cannot be reached. Try again when you are online.",
    { to: "/sign-in", first: endEverySession },
  );
  return (
    <div className="stack">
      <button type="button" className="button secondary" disabled={busy} onClick={() => run(false)}>
        {busy ? "Signing out…" : "Sign out everywhere"}
      </button>
      <div aria-live="polite">{notice}</div>
    </div>
  );
}

/** Revokes every session of the learner; a refusal is the notice to show instead of leaving. */
async function endEverySession(): Promise<ReactNode | null> {
  const result = await signOutEverywhereAction();
  return result?.ok ? null : <p className="alert error">{result?.message}</p>;
}

export function DeleteAccountForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState<AccountActionState, FormData>(deleteAccountAction, null);
  const errors = state && !state.ok ? state.errors : {};
  // The account is gone: its answers still waiting on this device are dropped, and the session
  // cookie, useless now, is cleared. Loaded here only, as it carries the study outboxes.
  useEffect(() => {
    if (state?.ok) void import("@/app/ui/sign-out-flow").then((flow) => flow.leaveDeletedAccount(userId));
  }, [state, userId]);
  return (
    <form action={action} className="form" noValidate>
      <FormField
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        errors={errors.password}
      />
      <FormField name="confirm" label='Type "delete" to confirm' autoComplete="off" errors={errors.confirm} />
      <div aria-live="polite">
        {state && <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>}
      </div>
      <div>
        <button type="submit" className="button danger" disabled={pending || state?.ok}>
          {pending ? "Deleting…" : "Delete my account"}
        </button>
      </div>
    </form>
  );
}
