"use client";

import { useActionState } from "react";
import { FormField } from "@/app/ui/form-field";
import { createInvitationAction, type InvitationState } from "../actions";
import { CopyLink } from "./copy-link";
import styles from "./invitations.module.css";

/** Creates a link; the new link is shown right here, ready to copy. */
export function InvitationForm({ origin, groups }: { origin: string; groups: string[] }) {
  const [state, action, pending] = useActionState<InvitationState, FormData>(createInvitationAction, null);
  const errors = state && !state.ok ? state.errors : {};
  // React resets a form after its action; the submitted values come back as the new defaults.
  const values = state && !state.ok ? state.values : undefined;
  const fieldErrorShown = Object.keys(errors).length > 0;
  return (
    <form action={action} className="form invitation-form" noValidate>
      <div className={styles.invitationFields}>
        <FormField
          name="maxUses"
          label="Clients who can join with it"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          defaultValue={values?.maxUses ?? 1}
          hint="1 for one person, up to 500 for a group."
          errors={errors.maxUses}
        />
        <FormField
          name="expiresInDays"
          label="Expires after (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          defaultValue={values?.expiresInDays ?? 14}
          hint="1 to 90 days."
          errors={errors.expiresInDays}
        />
        <FormField
          name="groupName"
          label="Group (optional)"
          defaultValue={values?.groupName ?? ""}
          maxLength={60}
          list="group-names"
          autoComplete="off"
          hint="Those who join are put in this group, e.g. “Tuesday 6 am class”. A new name creates it."
          errors={errors.groupName}
        />
        <datalist id="group-names">
          {groups.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Creating…" : "Create invitation link"}
        </button>
      </div>
      <div aria-live="polite">
        {/* A field's own error is shown once, next to it; the alert is for the rest. */}
        {state && !(state.ok === false && fieldErrorShown) && (
          <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>
        )}
      </div>
      {state?.ok && (
        <CopyLink
          url={`${origin}/invite/${state.code}`}
          label={
            state.groupName ? `Your new invitation link for ${state.groupName}` : "Your new invitation link"
          }
        />
      )}
    </form>
  );
}
