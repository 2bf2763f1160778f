"use server";

import { createUser } from "@/lib/data/users";
import { ValidationError } from "@/lib/errors";
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
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      errors[key] = [...(errors[key] ?? []), issue.message];
    }
    return { ok: false, message: "Please fix the highlighted fields.", errors, values };
  }
  try {
    await createUser(parsed.data);
  } catch (error) {
    if (error instanceof ValidationError) {
      return { ok: false, message: error.message, errors: error.fieldErrors, values };
    }
    console.error("[sign-up] failed", error);
    return { ok: false, message: "Something went wrong on our side. Please try again.", errors: {}, values };
  }
  return { ok: true };
}
