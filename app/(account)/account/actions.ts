"use server";

import { requireUser } from "@/lib/auth/session";
import { deleteAccount } from "@/lib/data/account";
import { changePassword, revokeAllSessions } from "@/lib/data/users";
import { AppError, ValidationError } from "@/lib/errors";
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
    return failure(error);
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
    await changePassword(user.id, currentPassword, parsed.data);
    return { ok: true, message: "Password changed. Other devices have been signed out." } as const;
  } catch (error) {
    return failure(error);
  }
}

export async function deleteAccountAction(_previous: AccountActionState, formData: FormData) {
  try {
    const user = await requireUser();
    assertFormData(formData);
    if (formData.get("confirm") !== "delete") {
      throw new ValidationError('Type "delete" to confirm.', { confirm: ['Type "delete" to confirm.'] });
    }
    await deleteAccount(user.id, String(formData.get("password") ?? ""));
    return { ok: true, message: "Your account and all its data are deleted." } as const;
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): AccountActionState {
  if (error instanceof ValidationError)
    return { ok: false, message: error.message, errors: error.fieldErrors };
  if (error instanceof AppError) return { ok: false, message: error.message, errors: {} };
  console.error("[account] action failed", error);
  return { ok: false, message: "Something went wrong on our side. Please try again.", errors: {} };
}
