"use client";

import { useActionState, useId } from "react";
import type { FormState } from "@/app/ui/form-state";
import { bulkAction } from "../../group-actions";
import styles from "./client-tools.module.css";

/** Puts this client in one of the trainer's groups, or in none. */
export function MoveClient({
  clientId,
  groupId,
  groups,
}: {
  clientId: string;
  groupId: string | null;
  groups: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(bulkAction, null);
  const id = useId();
  if (groups.length === 0) return null;
  return (
    <form action={action} className={styles.move}>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="clientIds" value={clientId} />
      <label htmlFor={`${id}-group`} className="small">
        Group
      </label>
      <select id={`${id}-group`} name="moveTo" defaultValue={groupId ?? ""} className="input">
        <option value="">No group</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary small-button" disabled={pending}>
        {pending ? "Moving…" : "Move"}
      </button>
      <span aria-live="polite" className="small">
        {state && <span className={state.ok ? "muted" : "field-error"}>{state.message}</span>}
      </span>
    </form>
  );
}
