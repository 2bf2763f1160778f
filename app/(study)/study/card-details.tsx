import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { EVIDENCE_LABELS, type EvidenceLevel } from "@/app/ui/evidence-labels";
import { quoteHref } from "@/app/ui/source-link";
import type { StudyCard } from "@/lib/study/session-data";
import styles from "./deferred.module.css";

const isEvidenceLevel = (value: string): value is EvidenceLevel => Object.hasOwn(EVIDENCE_LABELS, value);

/** Under a shown answer: how strong its evidence is, and the quotes it rests on. */
export function CardDetails({ card }: { card: Pick<StudyCard, "evidence" | "caveat" | "sources"> }) {
  return (
    <>
      {isEvidenceLevel(card.evidence) && (
        <div className={styles.studyEvidence}>
          <EvidenceBadge level={card.evidence} explain caveat={card.caveat} />
        </div>
      )}
      {card.sources.length > 0 && (
        <div className={styles.studySources}>
          <h3 className={styles.studySourcesTitle}>{card.sources.length === 1 ? "Source" : "Sources"}</h3>
          <ul>
            {card.sources.map((source) => (
              <li key={`${source.document}:${source.quoteId}`}>
                <blockquote>{source.quote}</blockquote>
                <a href={quoteHref(source.document, source.quoteId)} target="_blank" rel="noopener">
                  Read it in “{source.title}”<span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
