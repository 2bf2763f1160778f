"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { FormField } from "@/app/ui/form-field";
import { signInFailureMessage } from "@/lib/auth/sign-in-errors";

/** `initialError`: the message for next-auth's `?error=` code when a sign-in came back without JavaScript. */
export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(returnTo);
      router.refresh();
      return;
    }
    setPending(false);
    setError(signInFailureMessage(result?.error));
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormField name="email" label="Email" type="email" autoComplete="email" required />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required />
      <div aria-live="polite">{error && <p className="alert error">{error}</p>}</div>
      <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
