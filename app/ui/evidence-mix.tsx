import { EVIDENCE_LABELS, EVIDENCE_LEVELS, type EvidenceCounts } from "./evidence-labels";
import styles from "./evidence-mix.module.css";

/**
 * A deck's evidence mix as a stacked bar, strongest human evidence first. The bar is decoration;
 * the legend under it carries the same numbers as text.
 */
export function EvidenceMix({ counts }: { counts: EvidenceCounts }) {
  const present = EVIDENCE_LEVELS.filter((level) => counts[level] > 0);
  const total = present.reduce((sum, level) => sum + counts[level], 0);
  if (total === 0) return <p className="muted small">No cards yet.</p>;
  return (
    <div className={styles.evidenceMix}>
      <div className={styles.evidenceBar} aria-hidden="true">
        {present.map((level) => (
          <span
            key={level}
            className={`${styles.evidenceSegment} ${styles[`fill-${level}`] ?? ""}`}
            style={{ flexGrow: counts[level] }}
          />
        ))}
      </div>
      <ul className={styles.evidenceLegend} aria-label={`Evidence of the ${total} cards`}>
        {present.map((level) => (
          <li key={level} title={EVIDENCE_LABELS[level].explanation}>
            <span
              className={`${styles.evidenceSwatch} ${styles[`fill-${level}`] ?? ""}`}
              aria-hidden="true"
            />
            {EVIDENCE_LABELS[level].label} <strong>{counts[level]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
