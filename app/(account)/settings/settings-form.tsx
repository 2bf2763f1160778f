"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormField } from "@/app/ui/form-field";
import type { StudySettingsView } from "@/lib/data/settings";
import type { WorkloadInput } from "@/lib/srs/workload";
import { type SettingsState, saveSettingsAction } from "./actions";
import { WorkloadPreview } from "./workload-preview";

export function SettingsForm({
  settings,
  workload,
}: {
  settings: StudySettingsView;
  workload?: WorkloadInput;
}) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, null);
  const [retention, setRetention] = useState(settings.desiredRetention);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  // The workload preview follows the new-card pace as typed, before it is saved.
  const [newPerDay, setNewPerDay] = useState(settings.newPerDay);
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  const errors = state && !state.ok ? state.errors : {};
  const hasFieldErrors = Object.keys(errors).length > 0;
  // React resets the form after its action: what was submitted comes back as the defaults, so an
  // error never wipes what the learner typed (and the preview and the fields stay in step).
  const typed = state?.values;
  const initial = (field: keyof NonNullable<typeof typed>, saved: string | number) => typed?.[field] ?? saved;
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, []);

  // An error is shown once, next to its field; the first such field takes the focus, so its
  // message (aria-describedby) is read out with it.
  useEffect(() => {
    if (Object.keys(errors).length > 0)
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  return (
    <form ref={form} action={action} className="form settings-form" noValidate>
      <section className="card stack" aria-labelledby="memory-heading">
        <h2 id="memory-heading">Memory</h2>
        <div className="field">
          <label htmlFor="field-desiredRetention">
            Desired retention: <strong>{Math.round(retention * 100)}%</strong>
          </label>
          <input
            id="field-desiredRetention"
            name="desiredRetention"
            type="range"
            min={0.7}
            max={0.97}
            step={0.01}
            value={retention}
            onChange={(event) => setRetention(Number(event.target.value))}
            aria-describedby="retention-hint"
          />
          <p id="retention-hint" className="hint">
            The chance of remembering a card when it comes due. Higher means you forget less but review more:
            with FSRS&apos;s default forgetting curve, intervals at 95% are about 0.4 times those at 90%
            (about 2.5 times the reviews), and at 80% about 3 times longer (a third of the reviews, more
            forgotten).
          </p>
          {errors.desiredRetention && <p className="field-error">{errors.desiredRetention.join(" ")}</p>}
        </div>
        {workload && <WorkloadPreview input={workload} retention={retention} newPerDay={newPerDay} />}
        <FormField
          name="maximumInterval"
          label="Maximum interval (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={36500}
          defaultValue={initial("maximumInterval", settings.maximumInterval)}
          errors={errors.maximumInterval}
        />
      </section>

      <section className="card stack" aria-labelledby="limits-heading">
        <h2 id="limits-heading">Daily limits</h2>
        <FormField
          name="newPerDay"
          label="New cards per day, in each deck"
          hint="Counted per deck: finishing one deck's new cards leaves the others theirs."
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={initial("newPerDay", settings.newPerDay)}
          onChange={(event) => {
            const value = Number(event.target.value);
            if (Number.isInteger(value) && value >= 0 && value <= 9999) setNewPerDay(value);
          }}
          errors={errors.newPerDay}
        />
        <FormField
          name="newPerDayTotal"
          label="New cards per day, all decks together"
          hint="The most Study now introduces across your decks in a day, taking from each deck in turn."
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={initial("newPerDayTotal", settings.newPerDayTotal)}
          errors={errors.newPerDayTotal}
        />
        <FormField
          name="maxReviewsPerDay"
          label="Maximum reviews per day"
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={initial("maxReviewsPerDay", settings.maxReviewsPerDay)}
          errors={errors.maxReviewsPerDay}
        />
        <FormField
          name="learningSteps"
          label="Learning steps"
          hint='Waits before a new card graduates, e.g. "1m 10m".'
          defaultValue={initial("learningSteps", settings.learningSteps.join(" "))}
          errors={errors.learningSteps}
        />
        <FormField
          name="relearningSteps"
          label="Relearning steps"
          hint='Waits after you forget a card, e.g. "10m".'
          defaultValue={initial("relearningSteps", settings.relearningSteps.join(" "))}
          errors={errors.relearningSteps}
        />
      </section>

      <section className="card stack" aria-labelledby="day-heading">
        <h2 id="day-heading">Your study day</h2>
        <FormField
          name="timeZone"
          label="Time zone"
          hint="An IANA name such as Europe/Berlin. Days follow it, daylight saving time included."
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          errors={errors.timeZone}
        />
        {browserZone && browserZone !== timeZone && (
          <p className="small">
            Your browser is set to {browserZone}.{" "}
            <button type="button" className="button link" onClick={() => setTimeZone(browserZone)}>
              Use {browserZone}
            </button>
          </p>
        )}
        <FormField
          name="dayRolloverHour"
          label="New day starts at (hour, 0–23)"
          type="number"
          inputMode="numeric"
          min={0}
          max={23}
          defaultValue={initial("dayRolloverHour", settings.dayRolloverHour)}
          errors={errors.dayRolloverHour}
        />
      </section>

      <section className="card stack" aria-labelledby="quiz-heading">
        <h2 id="quiz-heading">Quizzes</h2>
        <label className="choice">
          <input
            type="checkbox"
            name="quizFeedsSchedule"
            defaultChecked={typed ? typed.quizFeedsSchedule === "on" : settings.quizFeedsSchedule}
          />
          <span>
            <strong>Quiz answers update my schedule</strong>
            <br />
            <span className="muted small">
              A wrong answer counts as Again and a right one as Good for the cards the question tests, unless
              you already reviewed that card today.
            </span>
          </span>
        </label>
      </section>

      <div aria-live="polite">
        {state && !hasFieldErrors && (
          <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>
        )}
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}
