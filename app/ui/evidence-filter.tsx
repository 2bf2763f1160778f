import Link from "next/link";
import styles from "./evidence-filter.module.css";
import { EVIDENCE_LABELS, EVIDENCE_LEVELS, type EvidenceCounts, type EvidenceLevel } from "./evidence-labels";

/** Links that filter a deck's cards by evidence level (`?evidence=`), with the count of each. */
export function EvidenceFilter({
  deckSlug,
  counts,
  current,
}: {
  deckSlug: string;
  counts: EvidenceCounts;
  current: EvidenceLevel | null;
}) {
  const total = EVIDENCE_LEVELS.reduce((sum, level) => sum + counts[level], 0);
  // "Your own card" only where there are some: content decks never have any.
  const levels = EVIDENCE_LEVELS.filter(
    (level) => level !== "personal" || counts[level] > 0 || current === level,
  );
  const options = [
    { key: "all", label: "All", count: total, href: `/decks/${deckSlug}`, active: current === null },
    ...levels.map((level) => ({
      key: level,
      label: EVIDENCE_LABELS[level].label,
      count: counts[level],
      href: `/decks/${deckSlug}?evidence=${level}`,
      active: current === level,
      group: EVIDENCE_LABELS[level].group,
    })),
  ];
  return (
    <nav aria-labelledby="evidence-filter-label" className={styles.evidenceFilter}>
      <p id="evidence-filter-label" className={`small muted ${styles.evidenceFilterLabel}`}>
        Filter by evidence
      </p>
      <ul>
        {options.map((option) => {
          const content = (
            <>
              {option.label} <span className={styles.evidenceFilterCount}>{option.count}</span>
            </>
          );
          const group = "group" in option ? ` ${styles[`group-${option.group}`] ?? ""}` : "";
          return (
            <li key={option.key}>
              {option.count === 0 && !option.active ? (
                <span className={`${styles.evidenceFilterOption} ${styles.isEmpty}${group}`}>{content}</span>
              ) : (
                <Link
                  href={option.href}
                  scroll={false}
                  className={`${styles.evidenceFilterOption}${group}`}
                  aria-current={option.active ? "page" : undefined}
                >
                  {content}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
