"use client";

import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CardPayload, DraftItemView, DraftStatus } from "@/lib/authoring/draft-item";
import styles from "../../author.module.css";
import { draftSelectionAction, setDraftStatusAction } from "../actions";
import { CardEditor } from "./card-editor";
import { ProposalRow } from "./proposal-row";
import { QuizEditor } from "./quiz-editor";

type Filter = "all" | DraftStatus;
type Editing = { item: DraftItemView | null; quote: string; prefill?: CardPayload | null } | null;

const FILTERS: { value: Filter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "proposed", label: "To review" },
  { value: "accepted", label: "Accepted" },
  { value: "rejected", label: "Rejected" },
];

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The review split view: the document (server-rendered, passed as children) with proposed
 * passages highlighted, beside the list of proposals. Decisions are shown at once and saved in the
 * background; a refused save puts the item back and says why. Rows are memoized, so a keypress
 * re-renders the one or two rows it changes, not all 300.
 */
export function ReviewWorkspace({
  documentId,
  body,
  initialItems,
  groupOf,
  children,
}: {
  documentId: string;
  body: string;
  initialItems: DraftItemView[];
  groupOf: Record<string, string>;
  children: ReactNode;
}) {
  const [items, setItems] = useState(initialItems);
  const [filter, setFilter] = useState<Filter>("all");
  const [currentId, setCurrentId] = useState<string | null>(initialItems[0]?.id ?? null);
  const [editing, setEditing] = useState<Editing>(null);
  const [selection, setSelection] = useState("");
  const [message, setMessage] = useState("");
  const [drafting, setDrafting] = useState(false);
  const documentRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const visible = useMemo(
    () => (filter === "all" ? items : items.filter((i) => i.status === filter)),
    [items, filter],
  );
  const index = Math.max(
    0,
    visible.findIndex((item) => item.id === currentId),
  );
  const current = visible[index] ?? null;
  const counts = useMemo(() => {
    const count = { proposed: 0, accepted: 0, rejected: 0 };
    for (const item of items) count[item.status] += 1;
    return count;
  }, [items]);

  // The current proposal's passage is marked and scrolled into view in the document pane.
  useEffect(() => {
    const pane = documentRef.current;
    if (!pane) return;
    for (const old of pane.querySelectorAll("mark[data-current]")) old.removeAttribute("data-current");
    const group = current ? groupOf[current.id] : undefined;
    if (!group) return;
    const marks = pane.querySelectorAll<HTMLElement>(`mark[data-quotes~="${CSS.escape(group)}"]`);
    for (const mark of marks) mark.setAttribute("data-current", "");
    marks[0]?.scrollIntoView({ block: "nearest" });
    listRef.current
      ?.querySelector<HTMLElement>('[aria-current="true"]')
      ?.scrollIntoView({ block: "nearest" });
  }, [current, groupOf]);

  const decide = useCallback(
    async (ids: string[], status: DraftStatus) => {
      if (ids.length === 0) return;
      const previous = new Map(items.filter((i) => ids.includes(i.id)).map((i) => [i.id, i.status]));
      const wanted = new Set(ids);
      setItems((all) => all.map((item) => (wanted.has(item.id) ? { ...item, status } : item)));
      const form = new FormData();
      form.set("documentId", documentId);
      form.set("status", status);
      for (const id of ids) form.append("itemIds", id);
      const result = await setDraftStatusAction(form);
      if (result.ok) {
        setMessage(
          `${ids.length === 1 ? "1 item" : `${ids.length} items`} ${status === "proposed" ? "reopened" : status}.`,
        );
      } else {
        setItems((all) => all.map((item) => ({ ...item, status: previous.get(item.id) ?? item.status })));
        setMessage(`Not saved: ${result.message}`);
      }
    },
    [documentId, items],
  );

  const move = useCallback(
    (step: number) => {
      const next = visible[Math.min(visible.length - 1, Math.max(0, index + step))];
      if (next) setCurrentId(next.id);
    },
    [visible, index],
  );

  const decideCurrent = useCallback(
    (status: DraftStatus) => {
      if (!current) return;
      void decide([current.id], status);
      // Under a status filter the item leaves the list; otherwise move on to the next one.
      const next = visible[index + 1] ?? visible[index - 1];
      if (next) setCurrentId(next.id);
    },
    [current, decide, visible, index],
  );

  const edit = useCallback(() => {
    if (current) setEditing({ item: current, quote: current.payload.quote });
  }, [current]);

  // A card from the selection opens prefilled: the engine drafts its front, back and level.
  const cardFromSelection = useCallback(async () => {
    if (!selection || drafting) return;
    setDrafting(true);
    setMessage("Drafting a card from the selection…");
    const form = new FormData();
    form.set("documentId", documentId);
    form.set("text", selection);
    const result = await draftSelectionAction(form);
    setDrafting(false);
    if (result.ok) {
      setMessage("");
      setEditing({ item: null, quote: result.card.quote, prefill: result.card });
    } else {
      setMessage(`No card drafted: ${result.message} Write it yourself below.`);
      setEditing({ item: null, quote: selection });
    }
  }, [documentId, selection, drafting]);

  const keyAction = useCallback(
    (key: string): (() => void) | null => {
      switch (key) {
        case "j":
        case "ArrowDown":
          return () => move(1);
        case "k":
        case "ArrowUp":
          return () => move(-1);
        case "a":
          return () => decideCurrent("accepted");
        case "r":
          return () => decideCurrent("rejected");
        case "u":
          return () => decideCurrent("proposed");
        case "e":
          return edit;
        case "c":
          return selection ? () => void cardFromSelection() : null;
        default:
          return null;
      }
    },
    [move, decideCurrent, edit, selection, cardFromSelection],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (editing || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const run = keyAction(event.key);
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editing, keyAction]);

  const readSelection = () => {
    const chosen = window.getSelection();
    const pane = documentRef.current;
    const text = chosen?.toString().trim() ?? "";
    const inside = pane && chosen?.anchorNode && pane.contains(chosen.anchorNode);
    setSelection(inside && text.length >= 8 ? text : "");
  };

  const onDocumentClick = (event: React.MouseEvent) => {
    const mark = (event.target as HTMLElement).closest("mark[data-quotes]");
    if (!mark || window.getSelection()?.toString()) return;
    const groups = new Set((mark.getAttribute("data-quotes") ?? "").split(" "));
    const hit = visible.find((item) => groups.has(groupOf[item.id] ?? ""));
    if (hit) setCurrentId(hit.id);
  };

  const saved = (item: DraftItemView) => {
    setItems((all) =>
      all.some((i) => i.id === item.id) ? all.map((i) => (i.id === item.id ? item : i)) : [...all, item],
    );
    setCurrentId(item.id);
    setEditing(null);
    setSelection("");
    setMessage(item.payload.target === "quiz" ? "Question saved and accepted." : "Card saved and accepted.");
  };

  const open = visible.filter((item) => item.status === "proposed").map((item) => item.id);

  return (
    <div className={styles.split}>
      {/* Clicking a highlight is a shortcut; the list and its keys are the keyboard path. */}
      <section
        ref={documentRef}
        className={`card ${styles.documentPane}`}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        onClick={onDocumentClick}
        aria-label="Document"
      >
        {children}
        {selection && (
          <button
            type="button"
            className={styles.selectionButton}
            onClick={() => void cardFromSelection()}
            disabled={drafting}
          >
            {drafting ? "Drafting a card…" : "Make a card from the selection"}
          </button>
        )}
      </section>
      <section className={styles.listPane} aria-label="Proposals">
        <div className={styles.toolbar}>
          <label>
            Show{" "}
            <select
              className="input"
              value={filter}
              onChange={(event) => setFilter(event.target.value as Filter)}
            >
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label} ({f.value === "all" ? items.length : counts[f.value]})
                </option>
              ))}
            </select>
          </label>
          <button
            className="button secondary"
            type="button"
            onClick={() => void decide(open, "accepted")}
            disabled={open.length === 0}
          >
            Accept all shown ({open.length})
          </button>
        </div>
        <p aria-live="polite" className="small" data-testid="review-status">
          {message}
        </p>
        {editing?.item?.payload.target === "quiz" && (
          <QuizEditor
            key={editing.item.id}
            documentId={documentId}
            item={{ ...editing.item, payload: editing.item.payload }}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
        {editing && editing.item?.payload.target !== "quiz" && (
          <CardEditor
            // A new editor for each item or selection: its fields start from what it edits.
            key={editing.item?.id ?? `new:${editing.quote}`}
            documentId={documentId}
            body={body}
            item={editing.item}
            quote={editing.quote}
            prefill={editing.prefill ?? null}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
        <ol ref={listRef} className={styles.list}>
          {visible.map((item) => (
            <ProposalRow
              key={item.id}
              item={item}
              current={item.id === current?.id}
              onSelect={setCurrentId}
            />
          ))}
        </ol>
        {visible.length === 0 && <p className="muted">Nothing here.</p>}
      </section>
    </div>
  );
}
