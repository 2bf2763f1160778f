"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/ui/form-state";
import { markAllReadAction } from "./actions";

export function MarkAllRead() {
  const [state, action, pending] = useActionState<FormState, FormData>(markAllReadAction, null);
  return (
    <form action={action}>
      <button type="submit" className="button secondary" disabled={pending}>
        Mark all as read
      </button>
      <span aria-live="polite" className={state && !state.ok ? "field-error" : "visually-hidden"}>
        {state?.message}
      </span>
    </form>
  );
}
