import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { dueDateText, goalText } from "@/app/ui/assignment-words";
import { loadClientPage, loadClientTools } from "@/lib/data/trainer/client-pages";
import { dateText, percent, plural, TRACK_LABEL } from "../../../clients-words";
import { HistoryChart, HistoryLegend, weekLabel } from "../../../history/history-chart";
import { ForgottenCardsTable, QuizAttemptsTable } from "../../../history/history-section";
import { historySummary, share } from "../../../history/history-words";
import { TrainerOnly, trainerForPage } from "../../../trainer-gate";
import { PrintButton } from "./print-button";
import styles from "./report.module.css";

// As the client page: the name stays out of the document title.
export const metadata: Metadata = { title: "Client report" };

/** A per-client report to print and hand over: progress, history and quizzes; private notes are left out. */
export default async function ClientReportPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const trainer = await trainerForPage(`/trainer/clients/${encodeURIComponent(clientId)}/report`);
  if (!trainer) return <TrainerOnly />;
  const now = new Date();
  const [page, tools] = await Promise.all([
    loadClientPage(trainer.trainerId, clientId, now),
    loadClientTools(trainer.trainerId, clientId, now),
  ]);
  if (!page || !tools) notFound();
  const { client } = page.detail;
  const history = new Map(tools.history.assignments.map((a) => [a.assignmentId, a]));
  return (
    <article className={styles.report}>
      <div className={styles.screenOnly}>
        <Link href={`/trainer/clients/${client.clientId}`}>← Back to {client.name}</Link>
        <PrintButton />
      </div>
      <header className={styles.head}>
        <h1>Progress report: {client.name}</h1>
        <p className="muted">
          Prepared by {trainer.user.name} on {dateText(now)} ·{" "}
          {plural(client.assignments.length, "assigned deck")}
          {client.groupName && <> · {client.groupName}</>}
        </p>
      </header>
      {client.assignments.length === 0 && <p>No decks are assigned yet.</p>}
      {client.assignments.map((a) => {
        const weeks = history.get(a.assignmentId)?.weeks ?? [];
        const summaryId = `report-summary-${a.assignmentId}`;
        return (
          <section key={a.assignmentId} className={styles.deck} aria-labelledby={`report-${a.assignmentId}`}>
            <h2 id={`report-${a.assignmentId}`}>{a.deckTitle}</h2>
            <p>
              {goalText(a)} · {dueDateText(a.dueAt)} · {TRACK_LABEL[a.onTrack.status]}: {a.onTrack.reason}
            </p>
            <p>
              {a.introduced} of {plural(a.cards, "card")} studied · predicted recall now{" "}
              {percent(a.predictedRecall)}
            </p>
            {weeks.length > 0 && (
              <>
                <p id={summaryId} className="small muted">
                  {historySummary(weeks)}
                </p>
                <HistoryLegend />
                <HistoryChart weeks={weeks} summaryId={summaryId} />
                <div className="stats-table-scroll">
                  <table className={`stats-table compact ${styles.table}`}>
                    <caption className="visually-hidden">{a.deckTitle}, week by week</caption>
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
                      </tr>
                    </thead>
                    <tbody>
                      {weeks.map((w) => (
                        <tr key={w.weekStart.toISOString()}>
                          <th scope="row">{weekLabel(w)}</th>
                          <td className="numeric">{w.reviews}</td>
                          <td className="numeric">{share(w.retention)}</td>
                          <td className="numeric">{share(w.predictedRecall)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        );
      })}
      <section className={styles.deck} aria-labelledby="report-forgotten">
        <h2 id="report-forgotten">Most often forgotten: this week and last</h2>
        <ForgottenCardsTable cards={tools.history.forgotten} />
      </section>
      {tools.history.quizAttempts && (
        <section className={styles.deck} aria-labelledby="report-quizzes">
          <h2 id="report-quizzes">Quiz attempts</h2>
          <QuizAttemptsTable attempts={tools.history.quizAttempts} />
        </section>
      )}
    </article>
  );
}
