"use client";

import { useActionState } from "react";
import { FormField } from "@/app/ui/form-field";
import type { DeckPresetView } from "@/lib/data/deck-presets";
import { deletePresetAction, savePresetAction } from "./actions";
import styles from "./deck-options.module.css";

/** One preset's options, or (preset null) a new preset. */
export function PresetForm({ preset }: { preset: DeckPresetView | null }) {
  const [state, action, pending] = useActionState(savePresetAction, null);
  const [deleted, remove, deleting] = useActionState(deletePresetAction, null);
  const errors = state && !state.ok ? state.errors : {};
  const key = preset?.id ?? "new";
  const heading = `preset-${key}-heading`;
  return (
    <section className="card stack" aria-labelledby={heading}>
      <h3 id={heading}>{preset ? preset.name : "New preset"}</h3>
      {preset && (
        <p className="muted small">
          {preset.decks.length === 0 ? "No deck uses it yet." : `Used by ${preset.decks.length} deck(s).`}
        </p>
      )}
      <form action={action} className="stack">
        <input type="hidden" name="presetId" value={preset?.id ?? ""} />
        <div className={styles.fields}>
          <FormField
            name="name"
            id={`${key}-name`}
            label="Name"
            defaultValue={preset?.name ?? ""}
            errors={errors.name}
          />
          <FormField
            name="newPerDay"
            id={`${key}-newPerDay`}
            label="New cards a day"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={preset?.newPerDay ?? 10}
            errors={errors.newPerDay}
          />
          <FormField
            name="maxReviewsPerDay"
            id={`${key}-maxReviewsPerDay`}
            label="Maximum reviews a day"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={preset?.maxReviewsPerDay ?? 200}
            errors={errors.maxReviewsPerDay}
          />
          <FormField
            name="desiredRetention"
            id={`${key}-desiredRetention`}
            label="Desired retention (0.70–0.97)"
            inputMode="decimal"
            defaultValue={preset?.desiredRetention ?? 0.9}
            errors={errors.desiredRetention}
          />
          <FormField
            name="learningSteps"
            id={`${key}-learningSteps`}
            label="Learning steps"
            hint="e.g. 1m 10m"
            defaultValue={(preset?.learningSteps ?? ["1m", "10m"]).join(" ")}
            errors={errors.learningSteps}
          />
          <FormField
            name="relearningSteps"
            id={`${key}-relearningSteps`}
            label="Relearning steps"
            hint="e.g. 10m"
            defaultValue={(preset?.relearningSteps ?? ["10m"]).join(" ")}
            errors={errors.relearningSteps}
          />
        </div>
        <div aria-live="polite">
          {state && !pending && <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>}
        </div>
        <div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Saving…" : preset ? "Save preset" : "Add preset"}
          </button>
        </div>
      </form>
      {preset && (
        <form action={remove}>
          <input type="hidden" name="presetId" value={preset.id} />
          <button type="submit" className="button danger" disabled={deleting}>
            Delete “{preset.name}”
          </button>
          <span aria-live="polite" className="small">
            {deleted && !deleted.ok && ` ${deleted.message}`}
          </span>
        </form>
      )}
    </section>
  );
}
