import type { ReactNode } from "react";
import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { ScrollTable } from "@/app/ui/scroll-table";
import type { EvidenceLevel } from "@/lib/content/evidence";
import styles from "./trainer.module.css";

/** A numeric column: its name heads it and labels its cells when a row becomes a card on a phone. */
export interface CardColumn<T> {
  label: string;
  cell: (card: T) => ReactNode;
}

/**
 * A section of cards for a trainer (a client's weakest, a deck's most forgotten): the card's front
 * with its evidence, then numeric columns; a sentence instead of the table when there are none.
 */
export function CardTable<T extends { cardId: string; front: string }>({
  headingId,
  title,
  empty,
  intro,
  cards,
  evidence,
  deck,
  columns,
}: {
  headingId: string;
  /** The heading, and the name of the table's scrolling region. */
  title: string;
  empty: string;
  /** Shown above the table when there are cards. */
  intro?: ReactNode;
  cards: readonly T[];
  evidence: Map<string, EvidenceLevel>;
  /** The card's deck, under its front. */
  deck?: (card: T) => string;
  columns: readonly CardColumn<T>[];
}) {
  return (
    <section aria-labelledby={headingId}>
      <div className="section-title">
        <h2 id={headingId}>{title}</h2>
      </div>
      {cards.length === 0 ? (
        <div className="card empty-state">{empty}</div>
      ) : (
        <>
          {intro}
          <ScrollTable label={title} className={styles.compactCards}>
            <thead>
              <tr>
                <th scope="col">Card</th>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className="numeric">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cards.map((card) => {
                const level = evidence.get(card.cardId);
                return (
                  <tr key={card.cardId}>
                    <td className="card-front">
                      <span className={styles.weakCardFront}>{card.front}</span>
                      {level && <EvidenceBadge level={level} />}
                      {deck && <span className={`${styles.weakCardDeck} small muted`}>{deck(card)}</span>}
                    </td>
                    {columns.map((column) => (
                      <td key={column.label} className="numeric" data-label={column.label}>
                        {column.cell(card)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
        </>
      )}
    </section>
  );
}
