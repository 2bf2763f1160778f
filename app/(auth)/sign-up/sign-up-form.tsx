"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormField } from "@/app/ui/form-field";
import { type SignUpState, signUpAction } from "./actions";

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(signUpAction, null);
  const [signingIn, setSigningIn] = useState(false);
  const [timeZone, setTimeZone] = useState("");
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  // React resets the form after the action, so the credentials are kept for signing in.
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const errors = state && !state.ok ? state.errors : {};
  const values = state && !state.ok ? state.values : {};

  // The account exists: sign in with the credentials still in the form, then go on.
  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    setSigningIn(true);
    void signIn("credentials", { ...credentials.current, redirect: false }).then(() => {
      router.replace(returnTo);
      router.refresh();
    });
  }, [state, returnTo, router]);

  const busy = pending || signingIn;
  return (
    <form
      action={formAction}
      className="form"
      noValidate
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        credentials.current = {
          email: String(data.get("email") ?? ""),
          password: String(data.get("password") ?? ""),
        };
      }}
    >
      <FormField
        name="name"
        label="Name"
        autoComplete="name"
        defaultValue={values.name}
        errors={errors.name}
      />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={values.email}
        errors={errors.email}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters."
        errors={errors.password}
      />
      <fieldset className="field" aria-describedby={errors.role ? "role-error" : undefined}>
        <legend>I am a</legend>
        <div className="choice-group">
          <label className="choice">
            <input type="radio" name="role" value="learner" defaultChecked={values.role !== "trainer"} />
            <span>
              <strong>Learner</strong>
              <br />
              <span className="muted small">Study decks and take quizzes.</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="role" value="trainer" defaultChecked={values.role === "trainer"} />
            <span>
              <strong>Trainer</strong>
              <br />
              <span className="muted small">Also invite clients and follow their progress.</span>
            </span>
          </label>
        </div>
        {errors.role && (
          <p id="role-error" className="field-error">
            {errors.role.join(" ")}
          </p>
        )}
      </fieldset>
      <input type="hidden" name="timeZone" value={timeZone} />
      <div aria-live="polite">{state && !state.ok && <p className="alert error">{state.message}</p>}</div>
      <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
        {busy ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
