"use client";

import { type FormEvent, useId, useMemo, useState } from "react";
import { EVIDENCE_LABELS } from "@/app/ui/evidence-labels";
import type { CardPayload, DraftItemView } from "@/lib/authoring/draft-item";
import { suggestQuoteEvidence } from "@/lib/content/quote-evidence";
import styles from "../../author.module.css";
import { saveCardAction } from "../actions";
import { EvidenceFields, type FieldErrors, fieldErrors, QuoteField } from "./evidence-fields";

/**
 * Edits a card item or makes a new card from a quote (e.g. the text selected in the document).
 * The server checks that the quote is still in the document word for word and asks for a reason
 * when the label is stronger than the quote's cue words; the hint below shows those cue words.
 */
export function CardEditor({
  documentId,
  item,
  quote: initialQuote,
  prefill = null,
  onSaved,
  onCancel,
}: {
  documentId: string;
  body: string;
  item: DraftItemView | null;
  quote: string;
  /** A new card drafted from the selection: its front, back, kind and suggested level. */
  prefill?: CardPayload | null;
  onSaved: (item: DraftItemView) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const card = item?.payload.target === "card" ? item.payload : prefill;
  const [quote, setQuote] = useState(initialQuote);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const suggestion = useMemo(() => suggestQuoteEvidence(quote), [quote]);
  const defaultLevel = card?.evidence ?? suggestion.level ?? "background";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await saveCardAction(form);
    setPending(false);
    if (result.ok) onSaved(result.item);
    else {
      setErrors(result.errors);
      setMessage(result.message);
    }
  }

  const { error, described } = fieldErrors(errors, id);

  return (
    <form className={`card ${styles.editor}`} onSubmit={submit} aria-label={item ? "Edit card" : "New card"}>
      <h3>{item ? "Edit card" : "New card from the document"}</h3>
      <input type="hidden" name="documentId" value={documentId} />
      {item && <input type="hidden" name="itemId" value={item.id} />}
      <label>
        Kind
        <select className="input" name="kind" defaultValue={card?.kind ?? "basic"}>
          <option value="basic">Basic (front → back)</option>
          <option value="reversed">Reversed (studied both ways)</option>
          <option value="cloze">Cloze (hide words with {"{{c1::…}}"})</option>
        </select>
      </label>
      <label>
        Front
        <textarea
          className="input"
          name="front"
          rows={2}
          defaultValue={card?.front ?? ""}
          aria-describedby={described("front")}
        />
        {error("front")}
      </label>
      <label>
        Back
        <textarea
          className="input"
          name="back"
          rows={2}
          defaultValue={card?.back ?? ""}
          aria-describedby={described("back")}
        />
        {error("back")}
      </label>
      <QuoteField
        label="Quote"
        rows={3}
        value={quote}
        onChange={(event) => setQuote(event.target.value)}
        aria-describedby={described("quote")}
      >
        {error("quote")}
      </QuoteField>
      <EvidenceFields
        defaultLevel={defaultLevel}
        describedBy={`${id}-cues ${described("evidence") ?? ""}`}
        reason={item?.evidenceReason ?? ""}
      >
        <span id={`${id}-cues`} className="muted small">
          {suggestion.level
            ? `The quote's cue words suggest ${EVIDENCE_LABELS[suggestion.level].label} (${[...new Set(suggestion.cues.map((c) => c.word))].join(", ")}).`
            : "The quote names no study: background or mechanism."}
        </span>
        {prefill?.suggested && (
          <span className="muted small" data-testid="selection-suggestion">
            Suggested for this passage: {EVIDENCE_LABELS[prefill.suggested.level].label}
            {prefill.suggested.cues.length > 0
              ? ` (cue words: ${[...new Set(prefill.suggested.cues.map((c) => c.word))].join(", ")})`
              : " (no study named)"}
            .
          </span>
        )}
        {error("evidence")}
      </EvidenceFields>
      <p aria-live="polite" className="small">
        {message}
      </p>
      <div className={styles.toolbar}>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save card"}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
