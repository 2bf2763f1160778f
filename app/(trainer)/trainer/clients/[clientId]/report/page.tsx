import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { dueDateText, goalText } from "@/app/ui/assignment-words";
import { loadClientPage, loadClientTools } from "@/lib/data/trainer/client-pages";
import { dateText, percent, plural, TRACK_LABEL } from "../../../clients-words";
import {
  ForgottenCardsTable,
  QuizAttemptsTable,
  WeeklyChart,
  WeeklyTable,
} from "../../../history/history-section";
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
                <WeeklyChart summaryId={summaryId} weeks={weeks} />
                <WeeklyTable title={a.deckTitle} weeks={weeks} className={styles.table} />
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
