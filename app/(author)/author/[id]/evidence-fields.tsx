"use client";

import type { ReactNode, TextareaHTMLAttributes } from "react";
import { EVIDENCE_LABELS } from "@/app/ui/evidence-labels";
import { CONTENT_EVIDENCE_LEVELS } from "@/lib/content/evidence";

export type FieldErrors = Record<string, string[] | undefined>;

/** A field's error message, and the id its input names with aria-describedby while there is one. */
export function fieldErrors(errors: FieldErrors, id: string) {
  return {
    error: (name: string) =>
      errors[name]?.length ? (
        <span id={`${id}-${name}-error`} className="field-error small" role="alert">
          {errors[name]?.join(" ")}
        </span>
      ) : null,
    described: (name: string) => (errors[name]?.length ? `${id}-${name}-error` : undefined),
  };
}

/** A quote box; the server checks that its text is still in the document word for word. */
export function QuoteField({
  label,
  children,
  ...textarea
}: { label: string; children?: ReactNode } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <label>
      {label} (word for word from the document)
      <textarea className="input" name="quote" {...textarea} />
      {children}
    </label>
  );
}

/**
 * The evidence level and the reason for a level stronger than the quote's cue words. `children`
 * go under the level: hints and its error.
 */
export function EvidenceFields({
  defaultLevel,
  describedBy,
  reason,
  children,
}: {
  defaultLevel: string;
  describedBy?: string;
  reason: string;
  children?: ReactNode;
}) {
  return (
    <>
      <label>
        Evidence level
        <select className="input" name="evidence" defaultValue={defaultLevel} aria-describedby={describedBy}>
          {CONTENT_EVIDENCE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {EVIDENCE_LABELS[level].label}
            </option>
          ))}
        </select>
        {children}
      </label>
      <label>
        Reason for a level stronger than the cue words (when asked)
        <textarea className="input" name="reason" rows={2} defaultValue={reason} />
      </label>
    </>
  );
}
