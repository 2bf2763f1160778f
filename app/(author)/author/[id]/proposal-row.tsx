"use client";

import { memo } from "react";
import { EVIDENCE_LABELS } from "@/app/ui/evidence-labels";
import { type DraftItemView, itemHeadline } from "@/lib/authoring/draft-item";
import styles from "../../author.module.css";

const KIND_NAMES: Record<string, string> = {
  basic: "Card",
  reversed: "Reversed card",
  cloze: "Cloze card",
  "multiple-choice": "Multiple choice",
  "true-false": "True/false",
  matching: "Matching",
  "evidence-check": "Evidence check",
};

/** One proposal in the list: what it asks, its kind, level and the cue words behind the level. */
export const ProposalRow = memo(function ProposalRow({
  item,
  current,
  onSelect,
}: {
  item: DraftItemView;
  current: boolean;
  onSelect: (id: string) => void;
}) {
  const { payload } = item;
  const cues = payload.suggested?.cues.map((cue) => cue.word).join(", ");
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: rows are chosen by keyboard with j/k and the arrow keys
    <li
      className={styles.row}
      data-status={item.status}
      data-item={item.id}
      aria-current={current ? "true" : undefined}
      onClick={() => onSelect(item.id)}
    >
      <div className={styles.meta}>
        {KIND_NAMES[payload.kind] ?? payload.kind} · {EVIDENCE_LABELS[payload.evidence].label}
        {cues ? ` (cues: ${cues})` : ""} · <span className="visually-hidden">status </span>
        {item.status === "proposed" ? "to review" : item.status}
        {item.origin === "author" ? " · yours" : ""}
      </div>
      <div>{itemHeadline(payload)}</div>
      {payload.target === "card" && payload.back && <div className={styles.meta}>→ {payload.back}</div>}
      {item.evidenceReason && (
        <div className={styles.meta} data-evidence-reason>
          Your reason for this level: {item.evidenceReason}
        </div>
      )}
      {payload.needsCheck && (
        <div className={`${styles.meta} alert`}>Check: {payload.checkReason ?? "verify this one."}</div>
      )}
    </li>
  );
});
