import Link from "next/link";
import { ClozeAnswer, clozePrompt } from "./cloze";
import styles from "./deck-card-item.module.css";
import { EvidenceBadge } from "./evidence-badge";
import type { EvidenceLevel } from "./evidence-labels";
import { quoteHref } from "./source-link";

export interface DeckCardView {
  id: string;
  kind: string;
  front: string;
  back: string;
  evidence: EvidenceLevel;
  /** What the card rests on when it is not a study report; null or absent otherwise. */
  caveat?: string | null;
  /** The author's reason for a level stronger than the quote's cue words; null or absent otherwise. */
  evidenceReason?: string | null;
  topic: string | null;
  sources: Array<{ document: string; quote: string; quoteId: string }>;
}

/** "Title", or "Title (quote 2)" when a card cites the same document more than once. */
function sourceLabels(sources: DeckCardView["sources"], titles: Record<string, string>): string[] {
  const seen = new Map<string, number>();
  return sources.map(({ document }) => {
    const n = (seen.get(document) ?? 0) + 1;
    seen.set(document, n);
    const title = titles[document] ?? document;
    return n > 1 ? `${title} (quote ${n})` : title;
  });
}

/** One card in a deck listing: prompt, evidence and sources; answer and quotes on demand. */
export function DeckCardItem({ card, titles }: { card: DeckCardView; titles: Record<string, string> }) {
  const cloze = card.kind === "cloze";
  const labels = sourceLabels(card.sources, titles);
  return (
    <li className={`card ${styles.deckCard}`}>
      <div className={styles.deckCardMeta}>
        <EvidenceBadge level={card.evidence} caveat={card.caveat} reason={card.evidenceReason} />
        {card.topic && <span className={styles.deckCardTopic}>{card.topic}</span>}
      </div>
      <p className={styles.deckCardFront}>{cloze ? clozePrompt(card.front) : card.front}</p>
      <details className={styles.deckCardDetails}>
        <summary>{card.sources.length > 0 ? "Show answer and quotes" : "Show answer"}</summary>
        <div className={styles.deckCardAnswer}>
          {cloze && (
            <p>
              <ClozeAnswer text={card.front} />
            </p>
          )}
          <p>{card.back}</p>
        </div>
        {card.sources.map((source, i) => (
          <blockquote key={source.quoteId} className={styles.deckCardQuote}>
            <p>“{source.quote}”</p>
            <footer>
              <cite>{labels[i]}</cite>
            </footer>
          </blockquote>
        ))}
      </details>
      {/* A learner's own cards cite nothing. */}
      {card.sources.length > 0 && (
        <p className={`${styles.deckCardSources} small`}>
          <span className="muted">{card.sources.length > 1 ? "Sources:" : "Source:"}</span>{" "}
          {card.sources.map((source, i) => (
            <span key={source.quoteId}>
              {i > 0 && " · "}
              <Link href={quoteHref(source.document, source.quoteId)}>{labels[i]}</Link>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
