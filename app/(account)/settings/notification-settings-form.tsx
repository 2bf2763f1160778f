"use client";

import { useActionState, useState } from "react";
import type { FormState } from "@/app/ui/form-state";
import type { NotificationSettingsInput } from "@/lib/validations/notifications";
import { saveNotificationSettingsAction } from "./notification-actions";
import styles from "./notification-settings.module.css";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Which notices a user gets, by email or in the app only, and when the digest comes. */
export function NotificationSettingsForm({
  settings,
  trainer,
  timeZone,
}: {
  settings: NotificationSettingsInput;
  trainer: boolean;
  timeZone: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveNotificationSettingsAction, null);
  const hourError = state && !state.ok ? state.errors.digestHour : undefined;
  // Controlled: React resets an uncontrolled form after its action, back to the values it was
  // rendered with, so the saved choice would show the old one until the next visit.
  const [values, setValues] = useState(settings);
  const toggle = (name: "digest" | "weeklySummary" | "atRiskAlerts" | "email") => ({
    name,
    checked: values[name],
    onChange: (event: { target: { checked: boolean } }) =>
      setValues((current) => ({ ...current, [name]: event.target.checked })),
  });
  return (
    <form action={action} className={`card ${styles.form}`} aria-labelledby="notifications">
      <h2 id="notifications">Reminders and notifications</h2>
      <label className="choice">
        <input type="checkbox" {...toggle("digest")} />
        <span>
          <strong>Daily digest</strong>
          <br />
          <span className="muted small">On days when cards are due or a deadline is within 3 days.</span>
        </span>
      </label>
      {trainer && (
        <>
          <label className="choice">
            <input type="checkbox" {...toggle("weeklySummary")} />
            <span>
              <strong>Weekly summary of my clients</strong>
              <br />
              <span className="muted small">
                Mondays: who is on track, who slipped, who finished, who left.
              </span>
            </span>
          </label>
          <label className="choice">
            <input type="checkbox" {...toggle("atRiskAlerts")} />
            <span>
              <strong>Alert when a client becomes at risk</strong>
            </span>
          </label>
        </>
      )}
      {!trainer && (
        <>
          <input type="hidden" name="weeklySummary" value={values.weeklySummary ? "on" : ""} />
          <input type="hidden" name="atRiskAlerts" value={values.atRiskAlerts ? "on" : ""} />
        </>
      )}
      <div className="field">
        <label htmlFor="field-digestHour">Send at</label>
        <select
          id="field-digestHour"
          name="digestHour"
          value={values.digestHour}
          onChange={(event) =>
            setValues((current) => ({ ...current, digestHour: Number(event.target.value) }))
          }
          aria-describedby="field-digestHour-hint"
          aria-invalid={hourError ? true : undefined}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {`${String(hour).padStart(2, "0")}:00`}
            </option>
          ))}
        </select>
        <p id="field-digestHour-hint" className="hint">
          In your time zone ({timeZone}, set above); the weekly summary comes on Monday from this hour.
        </p>
        {hourError && <p className="field-error">{hourError.join(" ")}</p>}
      </div>
      <label className="choice">
        <input type="checkbox" {...toggle("email")} />
        <span>
          <strong>By email</strong>
          <br />
          <span className="muted small">Off: notifications appear in Retain only (the bell at the top).</span>
        </span>
      </label>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : "Save notifications"}
        </button>
        <p aria-live="polite" className={state && !state.ok ? "field-error" : "small muted"}>
          {state?.message}
        </p>
      </div>
    </form>
  );
}
