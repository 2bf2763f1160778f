"use client";

import { useActionState } from "react";
import { FormField } from "@/app/ui/form-field";
import type { LeechRule } from "@/lib/srs/leech";
import { saveLeechAction } from "./leech-actions";

/** How many lapses make a card a leech, and whether a leech is suspended or only tagged. */
export function LeechForm({ rule }: { rule: LeechRule }) {
  const [state, action, pending] = useActionState(saveLeechAction, null);
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form action={action} className="card stack" aria-labelledby="leech-heading">
      <h2 id="leech-heading">Leeches</h2>
      <p className="muted small">
        A card you keep forgetting costs more time than it is worth. At this many lapses it is tagged a leech
        (then again every half as many), so you can rewrite it.
      </p>
      <FormField
        name="leechThreshold"
        label="Lapses that make a leech"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        defaultValue={rule.threshold}
        errors={errors.leechThreshold}
      />
      <fieldset className="stack">
        <legend>When a card becomes a leech</legend>
        <label className="choice">
          <input type="radio" name="leechAction" value="suspend" defaultChecked={rule.action === "suspend"} />
          <span>Tag it and suspend it</span>
        </label>
        <label className="choice">
          <input type="radio" name="leechAction" value="tag" defaultChecked={rule.action === "tag"} />
          <span>Only tag it</span>
        </label>
      </fieldset>
      <div aria-live="polite">
        {state && <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>}
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : "Save leech setting"}
        </button>
      </div>
    </form>
  );
}
