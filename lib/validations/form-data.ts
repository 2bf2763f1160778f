import { ValidationError } from "@/lib/errors";

export const NOT_A_FORM = "This form could not be read. Reload the page and try again.";

/**
 * A server action is a public endpoint: a client can call it with any arguments, not only the
 * FormData its form sends (found by e2e/fuzz.spec.ts). Anything else is a form error, not a TypeError.
 */
export function assertFormData(value: unknown): asserts value is FormData {
  if (!(value instanceof FormData)) throw new ValidationError(NOT_A_FORM);
}
