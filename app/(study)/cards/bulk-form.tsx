"use client";

import { type ReactNode, useActionState } from "react";
import { FLAGS } from "@/lib/validations/card-marks";
import { markCardsAction } from "./actions";
import styles from "./cards.module.css";

/** The table's form: tick cards, then suspend, bury or flag them together. */
export function BulkForm({ children }: { children: ReactNode | false }) {
  const [state, action, pending] = useActionState(markCardsAction, null);
  return (
    <form action={action} aria-label="Ticked cards">
      <fieldset className={styles.bulk}>
        <legend className="visually-hidden">Do with the ticked cards</legend>
        <button type="submit" name="op" value="suspend" className="button secondary" disabled={pending}>
          Suspend
        </button>
        <button type="submit" name="op" value="unsuspend" className="button secondary" disabled={pending}>
          Unsuspend
        </button>
        <button type="submit" name="op" value="bury" className="button secondary" disabled={pending}>
          Bury
        </button>
        <button type="submit" name="op" value="unbury" className="button secondary" disabled={pending}>
          Unbury
        </button>
        {FLAGS.map(({ value, name }) => (
          <button
            key={value}
            type="submit"
            name="op"
            value={`flag-${value}`}
            className="button secondary"
            disabled={pending}
          >
            {name} flag
          </button>
        ))}
        <button type="submit" name="op" value="flag-0" className="button secondary" disabled={pending}>
          No flag
        </button>
      </fieldset>
      <div aria-live="polite">
        {pending && <p className="muted small">Saving…</p>}
        {state && !pending && <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>}
      </div>
      {children}
    </form>
  );
}
