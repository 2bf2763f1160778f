"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { FormField } from "@/app/ui/form-field";
import type { FormState } from "@/app/ui/form-state";
import { assignDeckAction } from "../../actions";
import styles from "./assign.module.css";

interface AssignFormProps {
  clients: { id: string; name: string; email: string; groupId: string | null }[];
  /** The trainer's groups, to select everyone in one at once. */
  groups: { id: string; name: string }[];
  /** A group to start selected (from ?group=). */
  initialGroup?: string;
  decks: { slug: string; title: string }[];
  /** The earliest due date offered (YYYY-MM-DD); the browser narrows it to its own today. */
  earliestDue: string;
  /** Per client, the decks they already have from this trainer and how each is set. */
  assigned: Record<string, Record<string, string>>;
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="field-error">
      {errors.join(" ")}
    </p>
  ) : null;
}

/** One deck to one or many clients, with an optional due date, a goal and a quiz target. */
export function AssignForm({ clients, groups, initialGroup, decks, earliestDue, assigned }: AssignFormProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(assignDeckAction, null);
  // Controlled and submitted by hand: a form action would reset the fields after every submit,
  // and the trainer often assigns a second deck to the same clients.
  const membersOf = (groupId: string) => clients.filter((c) => c.groupId === groupId).map((c) => c.id);
  const [selected, setSelected] = useState<ReadonlySet<string>>(
    () => new Set(initialGroup ? membersOf(initialGroup) : []),
  );
  const [search, setSearch] = useState("");
  const [group, setGroup] = useState(initialGroup ?? "");
  const needle = search.trim().toLocaleLowerCase();
  const shown = needle
    ? clients.filter(
        (c) => c.name.toLocaleLowerCase().includes(needle) || c.email.toLocaleLowerCase().includes(needle),
      )
    : clients;
  const [message, setMessage] = useState("");
  const [deckSlug, setDeckSlug] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [goal, setGoal] = useState<"all-introduced" | "recall">("all-introduced");
  const [targetRecall, setTargetRecall] = useState("90");
  const [quizTarget, setQuizTarget] = useState("");
  const selectAll = useRef<HTMLInputElement>(null);
  const errors = state && !state.ok ? state.errors : {};
  const allSelected = selected.size === clients.length;
  // The trainer's own time zone decides which dates have passed (the server checks it again).
  const [timeZone, setTimeZone] = useState("");
  const [minDue, setMinDue] = useState(earliestDue);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setTimeZone(zone);
    setMinDue(new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date()));
  }, []);
  const replacing = deckSlug
    ? clients.flatMap((client) => {
        const current = selected.has(client.id) ? assigned[client.id]?.[deckSlug] : undefined;
        return current ? [`${client.name} (${current})`] : [];
      })
    : [];

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selected.size > 0 && !allSelected;
  }, [selected, allSelected]);

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form
      className="form assign-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="timeZone" value={timeZone} />
      <fieldset
        className={styles.assignFieldset}
        aria-describedby={errors.clientIds ? "clientIds-error" : undefined}
      >
        <legend>Clients</legend>
        <div className={styles.assignGrid}>
          <div className="field">
            <label htmlFor="assign-search">Find clients</label>
            <input
              id="assign-search"
              type="search"
              className="input"
              value={search}
              placeholder="Name or email"
              autoComplete="off"
              maxLength={200}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          {groups.length > 0 && (
            <div className="field">
              <label htmlFor="assign-group">Select a group</label>
              <select
                id="assign-group"
                className="input"
                value={group}
                onChange={(event) => {
                  setGroup(event.target.value);
                  if (event.target.value) setSelected(new Set(membersOf(event.target.value)));
                }}
              >
                <option value="">Choose clients one by one</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    Everyone in {g.name} ({membersOf(g.id).length})
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <p className="small muted" aria-live="polite">
          {selected.size} of {clients.length} selected
          {needle && shown.length < clients.length
            ? `; showing ${shown.length} matching “${search.trim()}”`
            : ""}
        </p>
        <label className={`choice ${styles.selectAll}`}>
          <input
            ref={selectAll}
            type="checkbox"
            checked={allSelected}
            onChange={(event) =>
              setSelected(event.target.checked ? new Set(clients.map((c) => c.id)) : new Set())
            }
          />
          <span>
            <strong>Select all</strong> <span className="muted small">({clients.length})</span>
          </span>
        </label>
        <div className={styles.clientChoices}>
          {clients.map((client) => (
            <label key={client.id} className="choice" hidden={!shown.includes(client)}>
              <input
                type="checkbox"
                name="clientIds"
                value={client.id}
                checked={selected.has(client.id)}
                onChange={(event) => toggle(client.id, event.target.checked)}
              />
              <span>
                {client.name}
                <br />
                <span className="muted small">{client.email}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="clientIds-error" errors={errors.clientIds} />
      </fieldset>

      <div className={`${styles.assignGrid} ${styles.deckAndDate}`}>
        <div className="field">
          <label htmlFor="field-deckSlug">Deck</label>
          <select
            id="field-deckSlug"
            name="deckSlug"
            value={deckSlug}
            onChange={(event) => setDeckSlug(event.target.value)}
            aria-invalid={errors.deckSlug ? true : undefined}
            aria-describedby={errors.deckSlug ? "field-deckSlug-error" : undefined}
          >
            <option value="">Choose a deck</option>
            {decks.map((deck) => (
              <option key={deck.slug} value={deck.slug}>
                {deck.title}
              </option>
            ))}
          </select>
          <FieldError id="field-deckSlug-error" errors={errors.deckSlug} />
        </div>
        <FormField
          name="dueAt"
          label="Due date (optional)"
          type="date"
          min={minDue}
          value={dueAt}
          onChange={(event) => setDueAt(event.target.value)}
          errors={errors.dueAt}
        />
      </div>

      <fieldset className={styles.assignFieldset} aria-describedby={errors.goal ? "goal-error" : undefined}>
        <legend>Goal</legend>
        <div className="choice-group">
          <label className="choice">
            <input
              type="radio"
              name="goal"
              value="all-introduced"
              checked={goal === "all-introduced"}
              onChange={() => setGoal("all-introduced")}
            />
            <span>
              <strong>Start every card</strong>
              <br />
              <span className="muted small">Done when each card in the deck has been studied once.</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="goal"
              value="recall"
              checked={goal === "recall"}
              onChange={() => setGoal("recall")}
            />
            <span>
              <strong>Reach a predicted recall</strong>
              <br />
              <span className="muted small">
                How much of the deck they are expected to remember on the due date.
              </span>
            </span>
          </label>
        </div>
        <FieldError id="goal-error" errors={errors.goal} />
      </fieldset>

      <div className={styles.assignGrid}>
        {goal === "recall" && (
          <FormField
            name="targetRecall"
            label="Predicted recall on the due date (%)"
            type="number"
            inputMode="numeric"
            min={50}
            max={99}
            value={targetRecall}
            onChange={(event) => setTargetRecall(event.target.value)}
            hint="50 to 99. Needs a due date."
            errors={errors.targetRecall}
          />
        )}
        <FormField
          name="quizTarget"
          label="Quiz target (%, optional)"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={quizTarget}
          onChange={(event) => setQuizTarget(event.target.value)}
          hint="Best quiz score to reach on this deck."
          errors={errors.quizTarget}
        />
      </div>

      <div className="field">
        <label htmlFor="assign-message">Message to your clients (optional)</label>
        <textarea
          id="assign-message"
          name="message"
          maxLength={280}
          rows={2}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          aria-describedby="assign-message-hint"
        />
        <p id="assign-message-hint" className="hint">
          Shown with the deck on their dashboard, e.g. “Finish before Tuesday’s class”. Up to 280 characters.
        </p>
      </div>

      {replacing.length > 0 && (
        <p className="alert warning" id="replace-warning">
          Already assigned: {replacing.join("; ")}. Assigning it again replaces the due date and goal.
        </p>
      )}
      <div aria-live="polite">
        {state && <p className={`alert ${state.ok ? "success" : "error"}`}>{state.message}</p>}
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Assigning…" : "Assign deck"}
        </button>
      </div>
    </form>
  );
}
