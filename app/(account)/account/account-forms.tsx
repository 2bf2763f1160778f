"use client";

import { useActionState, useEffect, useState } from "react";
import { FormField } from "@/app/ui/form-field";
import { signOutTo } from "@/app/ui/sign-out";
import {
  type AccountActionState,
  changePasswordAction,
  deleteAccountAction,
  signOutEverywhereAction,
} from "./actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<AccountActionState, FormData>(changePasswordAction, null);
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

export function SignOutEverywhere() {
  const [state, setState] = useState<AccountActionState>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="stack">
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await signOutEverywhereAction();
          setState(result);
          if (result?.ok) await signOutTo("/sign-in");
          else setPending(false);
        }}
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
      <div aria-live="polite">{state && !state.ok && <p className="alert error">{state.message}</p>}</div>
    </div>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState<AccountActionState, FormData>(deleteAccountAction, null);
  const errors = state && !state.ok ? state.errors : {};
  // The account is gone: the session cookie is useless, so clear it and leave.
  useEffect(() => {
    if (state?.ok) void signOutTo("/");
  }, [state]);
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
