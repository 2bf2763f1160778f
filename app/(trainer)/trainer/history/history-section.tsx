import { ScrollTable } from "@/app/ui/scroll-table";
import type { ForgottenCard, QuizAttemptView } from "@/lib/data/trainer/progress";
import type { WeekPoint } from "@/lib/trainer/progress";
import { dateTimeText, quizPercent } from "../clients-words";
import styles from "./history.module.css";
import { HistoryChart, HistoryLegend, weekLabel } from "./history-chart";
import { historySummary, share } from "./history-words";

/** One assignment's (or one group deck's) weeks: summary, chart, and the same numbers as a table. */
export function WeeklyHistory({
  id,
  title,
  weeks,
}: {
  id: string;
  title: string;
  weeks: readonly WeekPoint[];
}) {
  return (
    <li className="card">
      <h3>{title}</h3>
      <WeeklyChart summaryId={`history-summary-${id}`} weeks={weeks} />
      <details className="small" data-print-open>
        <summary>Show as a table</summary>
        <WeeklyTable title={title} weeks={weeks} />
      </details>
    </li>
  );
}

/** The weeks' one-sentence summary, the legend, and the chart the summary names. */
export function WeeklyChart({ summaryId, weeks }: { summaryId: string; weeks: readonly WeekPoint[] }) {
  return (
    <>
      <p id={summaryId} className="small muted">
        {historySummary(weeks)}
      </p>
      <HistoryLegend />
      <HistoryChart weeks={weeks} summaryId={summaryId} />
    </>
  );
}

/** The chart's numbers week by week (the client page and the printable report). */
export function WeeklyTable({
  title,
  weeks,
  className,
}: {
  title: string;
  weeks: readonly WeekPoint[];
  className?: string;
}) {
  return (
    <div className="stats-table-scroll">
      <table className={className ? `stats-table compact ${className}` : "stats-table compact"}>
        <caption className="visually-hidden">{title}, week by week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col" className="numeric">
              Reviews
            </th>
            <th scope="col" className="numeric">
              Retention
            </th>
            <th scope="col" className="numeric">
              Predicted recall
            </th>
            <th scope="col" className="numeric">
              Cards studied
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.weekStart.toISOString()}>
              <th scope="row">{weekLabel(w)}</th>
              <td className="numeric">{w.reviews}</td>
              <td className="numeric">
                {w.reviewAnswers ? `${share(w.retention)} of ${w.reviewAnswers}` : "—"}
              </td>
              <td className="numeric">{share(w.predictedRecall)}</td>
              <td className="numeric">{w.cards}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WeeklyHistoryList({ children }: { children: React.ReactNode }) {
  return <ul className={styles.series}>{children}</ul>;
}

/** Every finished quiz, newest first (only of clients who share quiz answers). */
export function QuizAttemptsTable({
  attempts,
  clientNames,
}: {
  attempts: readonly (QuizAttemptView & { clientName?: string })[];
  clientNames?: boolean;
}) {
  if (attempts.length === 0) return <p className="muted small">No quiz taken on the assigned decks yet.</p>;
  return (
    <ScrollTable label="Quiz attempts" className="compact">
      <thead>
        <tr>
          {clientNames && <th scope="col">Client</th>}
          <th scope="col">Deck</th>
          <th scope="col">Finished</th>
          <th scope="col" className="numeric">
            Score
          </th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((a) => (
          <tr key={a.attemptId}>
            {clientNames && <td>{a.clientName}</td>}
            <td>{a.deckTitle}</td>
            <td>
              <time dateTime={a.finishedAt.toISOString()}>{dateTimeText(a.finishedAt)}</time>
            </td>
            <td className="numeric">
              {a.asked ? quizPercent((a.score * 100) / a.asked) : "—"} ({a.score} of {a.asked})
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** Cards most often forgotten this week, with last week's count beside them. */
export function ForgottenCardsTable({ cards }: { cards: readonly ForgottenCard[] }) {
  if (cards.length === 0) return <p className="muted small">No card forgotten this week or last.</p>;
  return (
    <ScrollTable label="Forgotten cards" className={`compact ${styles.forgotten}`}>
      <thead>
        <tr>
          <th scope="col">Card</th>
          <th scope="col" className="numeric">
            Forgotten this week
          </th>
          <th scope="col" className="numeric">
            Last week
          </th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {cards.map((c) => {
          const diff = c.thisWeek - c.lastWeek;
          return (
            <tr key={c.cardId}>
              <td>{c.front}</td>
              <td className="numeric">{c.thisWeek}</td>
              <td className="numeric">{c.lastWeek}</td>
              <td className={`${styles.trend} ${diff > 0 ? styles.up : diff < 0 ? styles.down : ""}`}>
                {diff > 0 ? `▲ ${diff} more` : diff < 0 ? `▼ ${-diff} fewer` : "same"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
