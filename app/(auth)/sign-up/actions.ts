"use server";

import { headers } from "next/headers";
import { failure, fieldErrors } from "@/app/ui/form-state";
import { signUpAttempts } from "@/lib/auth/attempt-limits";
import { clientAddress } from "@/lib/auth/client-address";
import { timeLeft } from "@/lib/auth/sign-in-errors";
import { createUser } from "@/lib/data/users";
import { trustedProxies } from "@/lib/env";
import { NOT_A_FORM } from "@/lib/validations/form-data";
import { signUpSchema } from "@/lib/validations/user";

export type SignUpState =
  | { ok: true }
  | {
      ok: false;
      message: string;
      errors: Record<string, string[] | undefined>;
      values: Record<string, string>;
    }
  | null;

export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  // A public endpoint: it can be called with anything, not only the form (e2e/fuzz.spec.ts).
  if (!(formData instanceof FormData)) return { ok: false, message: NOT_A_FORM, errors: {}, values: {} };
  const raw = {
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
    role: formData.get("role"),
    timeZone: formData.get("timeZone") ?? undefined,
  };
  const values = {
    name: String(raw.name ?? ""),
    email: String(raw.email ?? ""),
    role: String(raw.role ?? ""),
  };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      message: "Please fix the highlighted fields.",
      errors: fieldErrors(parsed.error.issues),
      values,
    };
  }
  try {
    // Counted once the form is valid, before the account is written: the limit is on creations.
    const verdict = await signUpAttempts().reserve(
      clientAddress(await headers(), trustedProxies().isTrusted),
    );
    if (!verdict.allowed) {
      const wait = timeLeft(Math.ceil(verdict.retryAfterMs / 1000));
      return {
        ok: false,
        message: `Too many new accounts from your network. Try again in ${wait}.`,
        errors: {},
        values,
      };
    }
    await createUser(parsed.data);
  } catch (error) {
    return { ...failure(error, "sign-up"), values };
  }
  return { ok: true };
}
