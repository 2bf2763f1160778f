"use server";

import { failure } from "@/app/ui/form-state";
import { passwordCheckAttempts } from "@/lib/auth/attempt-limits";
import { requireUser } from "@/lib/auth/session";
import { timeLeft } from "@/lib/auth/sign-in-errors";
import { deleteAccount } from "@/lib/data/account";
import { changePassword, revokeAllSessions } from "@/lib/data/users";
import { ValidationError } from "@/lib/errors";
import { assertFormData } from "@/lib/validations/form-data";
import { passwordField } from "@/lib/validations/user";

export type AccountActionState =
  | { ok: true; message: string }
  | { ok: false; message: string; errors: Record<string, string[] | undefined> }
  | null;

export async function signOutEverywhereAction(): Promise<AccountActionState> {
  try {
    const user = await requireUser();
    await revokeAllSessions(user.id);
    return { ok: true, message: "Signed out on every device." };
  } catch (error) {
    return failure(error, "account");
  }
}

export async function changePasswordAction(_previous: AccountActionState, formData: FormData) {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const currentPassword = String(formData.get("currentPassword") ?? "");
    const parsed = passwordField.safeParse(formData.get("newPassword"));
    if (!parsed.success) {
      throw new ValidationError("Please choose a valid new password.", {
        newPassword: parsed.error.issues.map((i) => i.message),
      });
    }
    await withPasswordCheckLimit(user.id, "currentPassword", () =>
      changePassword(user.id, currentPassword, parsed.data),
    );
    // The session version moved, so this browser's cookie is refused from its next request on.
    return {
      ok: true,
      message:
        "Password changed. Every device is signed out, this one too: sign in again with your new password.",
    } as const;
  } catch (error) {
    return failure(error, "account");
  }
}

export async function deleteAccountAction(_previous: AccountActionState, formData: FormData) {
  try {
    const user = await requireUser();
    assertFormData(formData);
    if (formData.get("confirm") !== "delete") {
      throw new ValidationError('Type "delete" to confirm.', { confirm: ['Type "delete" to confirm.'] });
    }
    await withPasswordCheckLimit(user.id, "password", () =>
      deleteAccount(user.id, String(formData.get("password") ?? "")),
    );
    return { ok: true, message: "Your account and all its data are deleted." } as const;
  } catch (error) {
    return failure(error, "account");
  }
}

/**
 * Runs a step that checks the account's current password, within PASSWORD_CHECK_POINTS tries an
 * hour; a success starts the count again.
 */
async function withPasswordCheckLimit(
  userId: string,
  field: string,
  step: () => Promise<void>,
): Promise<void> {
  const verdict = await passwordCheckAttempts().reserve(userId);
  if (!verdict.allowed) {
    const message = `Too many wrong passwords. Try again in ${timeLeft(Math.ceil(verdict.retryAfterMs / 1000))}.`;
    throw new ValidationError(message, { [field]: [message] });
  }
  await step();
  await passwordCheckAttempts().clear(userId);
}
