import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { ScrollTable } from "@/app/ui/scroll-table";
import type { EvidenceLevel } from "@/lib/content/evidence";
import type { FailedCard } from "@/lib/data/trainer/deck-insight";
import { percent, plural } from "../../clients-words";
import styles from "../../trainer.module.css";

/** Cards rated Again most often, as a share of their answers, across the trainer's clients. */
export function FailedCards({
  cards,
  evidence,
}: {
  cards: FailedCard[];
  evidence: Map<string, EvidenceLevel>;
}) {
  return (
    <section aria-labelledby="failed-heading">
      <div className="section-title">
        <h2 id="failed-heading">Cards most often forgotten</h2>
      </div>
      {cards.length === 0 ? (
        <div className="card empty-state">None of your clients has forgotten a card of this deck yet.</div>
      ) : (
        <ScrollTable label="Cards most often forgotten" className={styles.compactCards}>
          <thead>
            <tr>
              <th scope="col">Card</th>
              <th scope="col" className="numeric">
                Failure rate
              </th>
              <th scope="col" className="numeric">
                Forgotten
              </th>
              <th scope="col" className="numeric">
                Clients
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
                  </td>
                  <td className="numeric" data-label="Failure rate">
                    {percent(card.failRate)}
                  </td>
                  <td className="numeric" data-label="Forgotten">
                    {card.again} of {plural(card.answers, "answer")}
                  </td>
                  <td className="numeric" data-label="Clients">
                    {card.clients}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
