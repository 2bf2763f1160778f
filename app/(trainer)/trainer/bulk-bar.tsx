"use client";

import { useActionState, useId, useState } from "react";
import type { FormState } from "@/app/ui/form-state";
import styles from "./bulk-bar.module.css";
import { bulkAction } from "./group-actions";

type Intent = "remind" | "unassign" | "move" | "export";

/**
 * Actions on the clients ticked in the table (their checkboxes belong to this form through
 * form="bulk-form") or on the whole group the table is filtered by. Export is a download, so it
 * builds the export route's address instead of posting.
 */
export function BulkBar({
  group,
  groups,
  decks,
}: {
  group: { id: string; name: string } | null;
  groups: { id: string; name: string }[];
  decks: { slug: string; title: string }[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(bulkAction, null);
  const [intent, setIntent] = useState<Intent>("remind");
  const [target, setTarget] = useState<"ticked" | "group">("ticked");
  const [history, setHistory] = useState(false);
  const [exportError, setExportError] = useState("");
  const id = useId();

  const download = (event: React.MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    const params = new URLSearchParams();
    if (target === "group" && group) params.set("group", group.id);
    else {
      const ticked = form ? new FormData(form).getAll("clientIds").map(String) : [];
      if (ticked.length === 0) {
        setExportError("Tick some clients first, or export the whole table with “Download CSV” above.");
        return;
      }
      for (const clientId of ticked) params.append("clientIds", clientId);
    }
    if (history) params.set("history", "1");
    setExportError("");
    window.location.assign(`/trainer/export?${params}`);
  };

  const message = exportError || (state ? state.message : "");
  const failed = Boolean(exportError) || (state !== null && !state.ok);
  return (
    <form id="bulk-form" action={action} className={`card ${styles.bar}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.title}>
        With {group ? "the ticked clients or the whole group" : "the ticked clients"}
      </h3>
      {group && (
        <fieldset className={styles.target}>
          <legend className="visually-hidden">Act on</legend>
          <label>
            <input
              type="radio"
              name="target"
              value="ticked"
              checked={target === "ticked"}
              onChange={() => setTarget("ticked")}
            />{" "}
            Ticked clients
          </label>
          <label>
            <input
              type="radio"
              name="target"
              value="group"
              checked={target === "group"}
              onChange={() => setTarget("group")}
            />{" "}
            Everyone in {group.name}
          </label>
          <input type="hidden" name="groupId" value={group.id} />
        </fieldset>
      )}
      <div className={styles.fields}>
        <div className="field">
          <label htmlFor={`${id}-intent`}>Action</label>
          <select
            id={`${id}-intent`}
            name="intent"
            className="input"
            value={intent}
            onChange={(e) => setIntent(e.target.value as Intent)}
          >
            <option value="remind">Send a reminder</option>
            <option value="unassign">Unassign a deck</option>
            <option value="move">Move to a group</option>
            <option value="export">Export CSV</option>
          </select>
        </div>
        {intent === "remind" && (
          <div className="field">
            <label htmlFor={`${id}-note`}>Reminder text (optional)</label>
            <input
              id={`${id}-note`}
              name="note"
              className="input"
              maxLength={280}
              placeholder="See you on Tuesday!"
            />
          </div>
        )}
        {intent === "unassign" && (
          <div className="field">
            <label htmlFor={`${id}-deck`}>Deck</label>
            <select id={`${id}-deck`} name="deckSlug" className="input" defaultValue="">
              <option value="" disabled>
                Choose a deck
              </option>
              {decks.map((d) => (
                <option key={d.slug} value={d.slug}>
                  {d.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {intent === "move" && (
          <div className="field">
            <label htmlFor={`${id}-move`}>To group</label>
            <select id={`${id}-move`} name="moveTo" className="input" defaultValue="">
              <option value="">No group</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {intent === "export" && (
          <label className={styles.check}>
            <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} /> Include
            week-by-week history
          </label>
        )}
        <div className={styles.go}>
          {intent === "export" ? (
            <button type="button" className="button" onClick={download}>
              Download CSV
            </button>
          ) : (
            <button type="submit" className="button" disabled={pending}>
              {pending
                ? "Working…"
                : intent === "remind"
                  ? "Send reminder"
                  : intent === "unassign"
                    ? "Unassign"
                    : "Move"}
            </button>
          )}
        </div>
      </div>
      <div aria-live="polite">
        {message && <p className={`alert ${failed ? "error" : "success"}`}>{message}</p>}
      </div>
    </form>
  );
}
