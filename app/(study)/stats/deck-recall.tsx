import type { DeckRecall } from "@/lib/data/stats";
import { percent } from "./format";
import styles from "./stats.module.css";

/** Predicted recall now per deck, as labelled bars; decks not started say so instead. */
export function DeckRecallList({ decks }: { decks: readonly DeckRecall[] }) {
  return (
    <section aria-labelledby="recall-heading">
      <div className="section-title">
        <h2 id="recall-heading">Predicted recall by deck</h2>
      </div>
      <div className="card">
        <p className="muted small">
          The average chance, by the FSRS model, that you would recall a card you have studied if it came up
          right now.
        </p>
        <ul className={styles.recallList}>
          {decks.map((deck) => (
            <li key={deck.slug}>
              <div className={styles.recallRow}>
                <span className="recall-title">{deck.title}</span>
                <span className={styles.recallValue}>
                  {deck.predictedRecall === null ? "Not started" : percent(deck.predictedRecall)}
                </span>
              </div>
              <div className="recall-meter" aria-hidden="true">
                <span style={{ width: percent(deck.predictedRecall ?? 0) }} />
              </div>
              <span className="muted small">
                {deck.introduced} of {deck.cards} cards studied
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
