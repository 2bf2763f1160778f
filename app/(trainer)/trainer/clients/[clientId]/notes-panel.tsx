"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { ActionButton } from "@/app/ui/action-button";
import type { FormState } from "@/app/ui/form-state";
import { addNoteAction, deleteNoteAction } from "../../group-actions";
import styles from "./client-tools.module.css";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The trainer's private notes on a client: only this trainer ever sees them. */
export function NotesPanel({
  clientId,
  notes,
}: {
  clientId: string;
  notes: { id: string; body: string; createdAt: string }[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(addNoteAction, null);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const bodyError = state && !state.ok ? (state.errors.body ?? [state.message]) : null;
  return (
    <div className="card">
      <form ref={form} action={action} className="form" noValidate>
        <input type="hidden" name="clientId" value={clientId} />
        <div className="field">
          <label htmlFor={`${id}-body`}>New note</label>
          <textarea
            id={`${id}-body`}
            name="body"
            rows={3}
            maxLength={2000}
            required
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={`${id}-hint${bodyError ? ` ${id}-error` : ""}`}
          />
          <p id={`${id}-hint`} className="hint">
            Private: your client and their other trainers never see it.
          </p>
          {bodyError && (
            <p id={`${id}-error`} className="field-error">
              {bodyError.join(" ")}
            </p>
          )}
        </div>
        <div className="row">
          <button type="submit" className="button small-button" disabled={pending}>
            {pending ? "Saving…" : "Save note"}
          </button>
          <span aria-live="polite" className="small muted">
            {state?.ok ? state.message : ""}
          </span>
        </div>
      </form>
      {notes.length === 0 ? (
        <p className="muted small">No notes yet.</p>
      ) : (
        <ul className={styles.notes}>
          {notes.map((note) => (
            <li key={note.id}>
              <p className={styles.noteBody}>{note.body}</p>
              <div className={styles.noteMeta}>
                <time className="small muted" dateTime={note.createdAt}>
                  {when.format(new Date(note.createdAt))} UTC
                </time>
                <ActionButton
                  action={deleteNoteAction}
                  fields={{ noteId: note.id, clientId }}
                  label="Delete"
                  accessibleLabel={`Delete the note of ${when.format(new Date(note.createdAt))}`}
                  pendingLabel="Deleting…"
                  confirm={{ question: "Delete this note? It cannot be undone.", yes: "Yes, delete" }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
