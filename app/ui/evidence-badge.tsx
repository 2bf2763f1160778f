import styles from "./evidence-badge.module.css";
import { EVIDENCE_LABELS, type EvidenceGroup, type EvidenceLevel } from "./evidence-labels";

/** Shapes as well as colours, so the group reads without colour vision. */
function GroupIcon({ group }: { group: EvidenceGroup }) {
  return (
    <svg className={styles.evidenceIcon} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      {group === "human" && (
        <>
          <circle cx="8" cy="4.2" r="2.7" fill="currentColor" />
          <path d="M2.5 15c0-3.4 2.4-5.6 5.5-5.6s5.5 2.2 5.5 5.6z" fill="currentColor" />
        </>
      )}
      {group === "preclinical" && (
        <>
          <path d="M8 1.3 15.2 14.5H.8z" fill="currentColor" />
          <path d="M7.1 5.6h1.8l-.3 4.8H7.4zM7.1 11.6h1.8v1.7H7.1z" className={styles.evidenceIconCut} />
        </>
      )}
      {group === "theory" && (
        <>
          <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M7.1 6.8h1.8v5.4H7.1zM7.1 3.8h1.8v1.8H7.1z" fill="currentColor" />
        </>
      )}
      {group === "own" && (
        <path
          d="M2 14l.8-3.6 8-8 2.8 2.8-8 8zM10 4l2 2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      )}
    </svg>
  );
}

/**
 * The evidence level of a card or quiz item. Screen readers always hear the explanation;
 * sighted users see it next to the badge with `explain`, else on hover (title). `caveat` says
 * what kind of text the item rests on when it is not a study report ("Claim of the article,
 * not a study"), always visible, since the badge alone would read as the study's level. `reason`
 * is the author's reason for a level stronger than the quote's cue words (authored decks), shown
 * the same way, so a reader can weigh the label.
 */
export function EvidenceBadge({
  level,
  explain = false,
  caveat = null,
  reason = null,
}: {
  level: EvidenceLevel;
  explain?: boolean;
  caveat?: string | null;
  reason?: string | null;
}) {
  const { label, explanation, group } = EVIDENCE_LABELS[level];
  return (
    <span className={`${styles.evidence} ${styles[group] ?? ""}`} data-evidence={level}>
      <span className={styles.evidenceBadge} title={explain ? undefined : explanation}>
        <GroupIcon group={group} />
        <span className="visually-hidden">Evidence: </span>
        <span className="evidence-label">{label}</span>
      </span>
      {explain ? (
        <span className={styles.evidenceExplanation}>{explanation}</span>
      ) : (
        <span className="visually-hidden"> ({explanation})</span>
      )}
      {caveat && (
        <span className={styles.evidenceCaveat} data-caveat>
          {caveat}
        </span>
      )}
      {reason && (
        <span className={styles.evidenceCaveat} data-evidence-reason>
          Author’s reason for this level: {reason}
        </span>
      )}
    </span>
  );
}
