import { AppError, ValidationError } from "@/lib/errors";

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * What a server action returns to its form (STYLE: `{ ok } | { errors, message }`). Every action's
 * failures go through `failure` and `fieldErrors` here.
 */
export type FormState =
  | { ok: true; message: string }
  | { ok: false; message: string; errors: FieldErrors }
  | null;

/** zod issues grouped by their top-level field, for the form to show next to each input; one message once per field. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    // Two bad steps of one field say the same thing once.
    if (!errors[key]?.includes(issue.message)) errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

/** Expected errors become their safe message; anything else is logged and stays generic. */
export function failure(error: unknown, where: string): { ok: false; message: string; errors: FieldErrors } {
  if (error instanceof ValidationError)
    return { ok: false, message: error.message, errors: error.fieldErrors };
  if (error instanceof AppError) return { ok: false, message: error.message, errors: {} };
  console.error(`[${where}] action failed`, error);
  return { ok: false, message: "Something went wrong on our side. Please try again.", errors: {} };
}
