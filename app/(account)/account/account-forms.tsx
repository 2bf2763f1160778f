"use client";

import { useActionState, useState } from "react";
import { FormField } from "@/app/ui/form-field";
import { signOutTo } from "@/app/ui/sign-out";
import { type AccountActionState, changePasswordAction, signOutEverywhereAction } from "./actions";

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
