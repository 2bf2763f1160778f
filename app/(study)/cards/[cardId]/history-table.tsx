import type { CardHistoryEntry } from "@/lib/data/card-browser";
import { answeredAtLabel, zoneLabel } from "@/lib/study/history-time";

const GRADES = ["", "Again", "Hard", "Good", "Easy"];

/** "10 min", "3 h", "12 days": the interval an answer set. */
export function intervalWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  return days === 1 ? "1 day" : `${days} days`;
}

export function HistoryTable({ reviews, timeZone }: { reviews: CardHistoryEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="history-heading" className="stack">
      <h2 id="history-heading">History</h2>
      {reviews.length === 0 ? (
        <p className="muted">You have not answered this card yet.</p>
      ) : (
        <div className="stats-table-scroll">
          <table className="stats-table">
            <caption className="visually-hidden">
              Every answer to this card, oldest first (times in {zoneLabel(timeZone)} time)
            </caption>
            <thead>
              <tr>
                <th scope="col">When ({zoneLabel(timeZone)} time)</th>
                <th scope="col">Grade</th>
                <th scope="col">Interval</th>
                <th scope="col">State before</th>
                <th scope="col">State after</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((review) => (
                <tr key={review.id}>
                  <td className="nowrap">{answeredAtLabel(review.reviewedAt, timeZone)}</td>
                  <td>{GRADES[review.rating] ?? review.rating}</td>
                  <td className="nowrap">{intervalWords(review.intervalMs)}</td>
                  <td>{review.stateBefore}</td>
                  <td>{review.stateAfter}</td>
                  <td>{review.origin}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
