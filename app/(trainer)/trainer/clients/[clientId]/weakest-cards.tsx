import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { ScrollTable } from "@/app/ui/scroll-table";
import type { EvidenceLevel } from "@/lib/content/evidence";
import type { WeakCard } from "@/lib/data/trainer/client-detail";
import { agoText, dateTimeText, percent } from "../../clients-words";
import styles from "../../trainer.module.css";

/** Again answers in the last 7 days, with when the latest was given. */
function AgainCell({ card, now }: { card: WeakCard; now: Date }) {
  if (card.again7d === 0 || !card.lastAgainAt) return <span className="muted">0</span>;
  return (
    <>
      {card.again7d}{" "}
      <time
        className="small muted"
        dateTime={card.lastAgainAt.toISOString()}
        title={dateTimeText(card.lastAgainAt)}
      >
        (last {agoText(card.lastAgainAt, now).toLowerCase()})
      </time>
    </>
  );
}

/** The introduced cards the client struggles with: forgotten this week, forgotten often, or fading now. */
export function WeakestCards({
  cards,
  evidence,
  deckTitles,
  now,
}: {
  cards: WeakCard[];
  evidence: Map<string, EvidenceLevel>;
  deckTitles: Map<string, string>;
  now: Date;
}) {
  return (
    <section aria-labelledby="weakest-heading">
      <div className="section-title">
        <h2 id="weakest-heading">Weakest cards</h2>
      </div>
      {cards.length === 0 ? (
        <div className="card empty-state">No cards studied on the assigned decks yet.</div>
      ) : (
        <>
          <p className="muted small">
            Cards answered Again in the last 7 days first, then the most lapses (times a learned card was
            forgotten), then the lowest predicted recall at this moment: good candidates to go over together.
          </p>
          <ScrollTable label="Weakest cards" className={styles.compactCards}>
            <thead>
              <tr>
                <th scope="col">Card</th>
                <th scope="col" className="numeric">
                  Recall now
                </th>
                <th scope="col" className="numeric">
                  Again, 7 days
                </th>
                <th scope="col" className="numeric">
                  Lapses
                </th>
                <th scope="col" className="numeric">
                  Reviews
                </th>
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
                      <span className={`${styles.weakCardDeck} small muted`}>
                        {deckTitles.get(card.deckSlug) ?? card.deckSlug}
                      </span>
                    </td>
                    <td className="numeric" data-label="Recall now">
                      {percent(card.retrievability)}
                    </td>
                    <td className="numeric" data-label="Again, 7 days">
                      <AgainCell card={card} now={now} />
                    </td>
                    <td className="numeric" data-label="Lapses">
                      {card.lapses}
                    </td>
                    <td className="numeric" data-label="Reviews">
                      {card.reps}
                    </td>
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
