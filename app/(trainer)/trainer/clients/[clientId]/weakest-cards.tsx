import { EvidenceBadge } from "@/app/ui/evidence-badge";
import type { EvidenceLevel } from "@/lib/content/evidence";
import type { WeakCard } from "@/lib/data/trainer/client-detail";
import { percent } from "../../clients-words";

/** The introduced cards the client is least likely to recall now, then those forgotten most often. */
export function WeakestCards({
  cards,
  evidence,
  deckTitles,
}: {
  cards: WeakCard[];
  evidence: Map<string, EvidenceLevel>;
  deckTitles: Map<string, string>;
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
            Lowest predicted recall now, then most lapses (times a learned card was forgotten): good
            candidates to go over together.
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard */}
          <section className="stats-table-scroll card" aria-label="Weakest cards" tabIndex={0}>
            <table className="stats-table compact-cards">
              <thead>
                <tr>
                  <th scope="col">Card</th>
                  <th scope="col" className="numeric">
                    Recall now
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
                        <span className="weak-card-front">{card.front}</span>
                        {level && <EvidenceBadge level={level} />}
                        <span className="weak-card-deck small muted">
                          {deckTitles.get(card.deckSlug) ?? card.deckSlug}
                        </span>
                      </td>
                      <td className="numeric" data-label="Recall now">
                        {percent(card.retrievability)}
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
            </table>
          </section>
        </>
      )}
    </section>
  );
}
