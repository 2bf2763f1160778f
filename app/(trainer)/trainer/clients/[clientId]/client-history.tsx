import type { ClientHistory } from "@/lib/data/trainer/progress";
import {
  ForgottenCardsTable,
  QuizAttemptsTable,
  WeeklyHistory,
  WeeklyHistoryList,
} from "../../history/history-section";

/** Week by week per assignment, every quiz attempt (when shared) and the cards forgotten this week vs last. */
export function ClientHistorySection({ history, name }: { history: ClientHistory; name: string }) {
  return (
    <>
      <section aria-labelledby="history-heading">
        <div className="section-title">
          <h2 id="history-heading">Progress over time</h2>
        </div>
        <p className="muted small">
          The last {history.assignments[0]?.weeks.length ?? 8} weeks on each assigned deck: reviews, retention
          (answers to cards in review not rated Again) and predicted recall at each week&apos;s end.
        </p>
        {history.assignments.length === 0 ? (
          <div className="card empty-state">No answers on the assigned decks yet.</div>
        ) : (
          <WeeklyHistoryList>
            {history.assignments.map((a) => (
              <WeeklyHistory key={a.assignmentId} id={a.assignmentId} title={a.deckTitle} weeks={a.weeks} />
            ))}
          </WeeklyHistoryList>
        )}
      </section>
      <section aria-labelledby="forgotten-heading">
        <div className="section-title">
          <h2 id="forgotten-heading">Most often forgotten: this week and last</h2>
        </div>
        <ForgottenCardsTable cards={history.forgotten} />
      </section>
      <section aria-labelledby="attempts-heading">
        <div className="section-title">
          <h2 id="attempts-heading">Every quiz attempt</h2>
        </div>
        {history.quizAttempts === null ? (
          <p className="muted small">{name} does not share quiz answers with you.</p>
        ) : (
          <QuizAttemptsTable attempts={history.quizAttempts} />
        )}
      </section>
    </>
  );
}
